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

describe('a malformed or oversized $batch is refused whole, and nothing in it runs', () => {
  const api = () => `${emu.siteUrl}/_api/web/lists/getbytitle('Requests')/items`;
  const addPart = (title: string) => [
    'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
    `POST ${api()} HTTP/1.1`, 'Accept: application/json', 'Content-Type: application/json', '', JSON.stringify({ Title: title }), ''
  ].join('\r\n');
  const post = (body: string, contentType = 'multipart/mixed; boundary=batch_a') => fetch(`${emu.siteUrl}/_api/$batch`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Accept: 'application/json', 'x-emulator-user': owner.upn, 'X-RequestDigest': emu.sharepoint.issueDigest(owner.upn) },
    body
  });
  const titles = async () => (await spAs(emu, owner.upn).web.lists.getByTitle('Requests').items.select('Title').top(500)()).map((i: { Title: string }) => i.Title);

  const changeset = (titles: string[], terminated: boolean) => [
    '--batch_a', 'Content-Type: multipart/mixed; boundary=changeset_b', '',
    ...titles.map((t) => `--changeset_b\r\n${addPart(t)}`),
    ...(terminated ? ['--changeset_b--'] : []), ''
  ].join('\r\n');

  test.each([
    ['an unterminated changeset', () => changeset(['planted'], false) + '--batch_a--\r\n', undefined],
    ['a batch without its closing delimiter', () => changeset(['planted'], true), undefined],
    ['a changeset without a boundary', () => `--batch_a\r\nContent-Type: multipart/mixed\r\n\r\n--changeset_b\r\n${addPart('planted')}--changeset_b--\r\n--batch_a--\r\n`, undefined],
    ['a body whose Content-Type names no boundary', () => changeset(['planted'], true) + '--batch_a--\r\n', 'multipart/mixed'],
    ['a part with no request line', () => `--batch_a\r\nContent-Type: application/http\r\n\r\nnot a request\r\n--batch_a\r\n${addPart('planted')}--batch_a--\r\n`, undefined]
  ])('%s answers 400', async (_what, body, contentType) => {
    const res = await post(body(), contentType);
    expect(res.status).toBe(400);
    expect((await res.json())['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    expect(await titles()).toEqual(['Existing']);
  });

  test('a well-formed changeset runs (the same body, terminated)', async () => {
    const res = await post(changeset(['kept'], true) + '--batch_a--\r\n');
    expect(res.status).toBe(200);
    expect(await titles()).toEqual(['Existing', 'kept']);
  });

  test('at most 100 requests per batch: 101 are refused whole, 100 run', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `--batch_a\r\n${addPart(`n${i}`)}`).join('') + '--batch_a--\r\n';
    const tooMany = await post(many(101));
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json())['odata.error'].message.value).toContain('at most 100');
    expect(await titles()).toEqual(['Existing']);
    const hundred = await post(many(100));
    expect(hundred.status).toBe(200);
    expect(await titles()).toHaveLength(101);
  });
});
