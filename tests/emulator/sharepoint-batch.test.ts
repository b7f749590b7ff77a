// $batch as PnPjs v4 builds it: changesets, GETs outside them, per-part statuses, and a part that
// fails (stale ETag or injected fault) without failing the others.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { control, person, rejection, spAs } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
let emu: Emulator;

beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Requests');
  await sp.web.lists.getByTitle('Requests').items.add({ Title: 'Existing' });
  emu.requestLog.clear();
});

test('mixed parts, each with its own outcome', async () => {
  const sp = spAs(emu, owner.upn);
  const [batched, execute] = sp.batched();
  const list = batched.web.lists.getByTitle('Requests');
  const outcomes: Record<string, unknown> = {};
  list.items.add({ Title: 'B1' }).then((r) => { outcomes.add = r; });
  list.items.getById(1).update({ Title: 'Renamed' }, '"1"').then((r) => { outcomes.update = r; });
  list.items.getById(1).update({ Title: 'Stale' }, '"1"').then(
    () => { outcomes.stale = 'resolved'; },
    (e) => { outcomes.stale = e.status; });
  list.items.select('Id', 'Title').orderBy('Id')().then((r) => { outcomes.read = r; });
  await execute();

  expect(outcomes.add).toMatchObject({ Id: 2, Title: 'B1' });
  expect(outcomes.update).toEqual({ etag: '"2"' });
  expect(outcomes.stale).toBe(412);
  expect((outcomes.read as Array<{ Title: string }>).map((r) => r.Title)).toEqual(['Renamed', 'B1']);

  const batches = emu.requestLog.all().filter((e) => e.path.endsWith('/_api/$batch'));
  expect(batches).toHaveLength(1);
  expect(batches[0].parts?.map((p) => `${p.method} ${p.status}`)).toEqual(['POST 201', 'MERGE 204', 'MERGE 412', 'GET 200']);
});

test('an injected fault on one part is a partial failure', async () => {
  await control(emu, 'POST', '/faults', { match: '^POST .*/items$', status: 503, retryAfter: 2 });
  const sp = spAs(emu, owner.upn);
  const [batched, execute] = sp.batched();
  const list = batched.web.lists.getByTitle('Requests');
  const add = list.items.add({ Title: 'will fail' });
  const read = list.items.select('Title')();
  const addOutcome = rejection(add);
  await execute();
  expect((await addOutcome).status).toBe(503);
  expect((await read).map((r: { Title: string }) => r.Title)).toEqual(['Existing']);
  const all = await spAs(emu, owner.upn).web.lists.getByTitle('Requests').items();
  expect(all).toHaveLength(1);
});

test('more than 20 requests are split into several $batch posts', async () => {
  const sp = spAs(emu, owner.upn);
  const [batched, execute] = sp.batched();
  const list = batched.web.lists.getByTitle('Requests');
  const adds = Array.from({ length: 21 }, (_, i) => list.items.add({ Title: `N${i}` }));
  await execute();
  await Promise.all(adds);
  expect(emu.requestLog.all().filter((e) => e.path.endsWith('/$batch'))).toHaveLength(2);
  expect(await spAs(emu, owner.upn).web.lists.getByTitle('Requests').items.top(100)()).toHaveLength(22);
});
