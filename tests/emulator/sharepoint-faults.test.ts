// Throttling and outages injected through the control plane, survived (or not) by PnPjs'
// BrowserFetchWithRetry: 3 attempts in all, waiting Retry-After seconds between them.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { control, person, rejection, spAs } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
let emu: Emulator;

beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  await spAs(emu, owner.upn).web.lists.ensure('Requests');
  emu.requestLog.clear();
});

const webGets = () => emu.requestLog.all().filter((e) => e.method === 'GET' && /\/_api\/web$/.test(e.path));

test('two 429s with Retry-After are retried and the third attempt succeeds', async () => {
  await control(emu, 'POST', '/faults', { match: '^GET /sites/hub/_api/web$', status: 429, retryAfter: 1, times: 2 });
  const web = await spAs(emu, owner.upn).web();
  expect(web.Title).toBe('Social Media Hub');
  expect(webGets().map((e) => e.status)).toEqual([429, 429, 200]);
});

test('a storm longer than the retry budget surfaces the failure after 3 attempts', async () => {
  await control(emu, 'POST', '/faults', { match: '^GET /sites/hub/_api/web$', status: 503, retryAfter: 0, times: 3 });
  const err = await rejection(spAs(emu, owner.upn).web());
  expect(err.message).toContain('Retry count exceeded (3)');
  expect(webGets().map((e) => e.status)).toEqual([503, 503, 503]);
});

test('429 bodies are SharePoint-shaped and carry Retry-After', async () => {
  await control(emu, 'POST', '/faults', { match: '/_api/web/lists', status: 429, retryAfter: 7 });
  const res = await fetch(`${emu.siteUrl}/_api/web/lists`, { headers: { 'x-emulator-user': owner.upn } });
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe('7');
  expect((await res.json())['odata.error'].code).toContain('SPQueryThrottledException');
});

test('a dropped connection is retried like a network error; a 500 is not retried', async () => {
  await control(emu, 'POST', '/faults', { match: '^GET /sites/hub/_api/web$', drop: true });
  expect((await spAs(emu, owner.upn).web()).Title).toBe('Social Media Hub');
  expect(webGets()).toHaveLength(2);

  await control(emu, 'POST', '/faults', { match: '^POST .*/items$', status: 500 });
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Requests');
  expect((await rejection(list.items.add({ Title: 'x' }))).status).toBe(500);
  expect(await list.items()).toHaveLength(0);
  await control(emu, 'DELETE', '/faults');
  await list.items.add({ Title: 'x' });
});

test('a connection dropped after the write: the item exists, the caller saw only a network error', async () => {
  await control(emu, 'POST', '/faults', { match: '^POST .*/items$', dropAfter: true });
  const res = await fetch(`${emu.siteUrl}/_api/web/lists/getByTitle('Requests')/items`, {
    method: 'POST', headers: { 'x-emulator-user': owner.upn, 'X-RequestDigest': emu.sharepoint.issueDigest(owner.upn), Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json' }, body: JSON.stringify({ Title: 'committed' })
  }).then(() => 'answered', (e: unknown) => e);
  expect(res).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  expect((await spAs(emu, owner.upn).web.lists.getByTitle('Requests').items.select('Title')<{ Title: string }[]>()).map((i) => i.Title)).toEqual(['committed']);
});

test('a $batch part drawing "drop after" runs every part, then the answer is lost', async () => {
  // Often enough that PnPjs' own retries of the batch lose their answers too.
  await control(emu, 'POST', '/faults', { match: '^POST .*/items$', dropAfter: true, times: 20 });
  const sp = spAs(emu, owner.upn);
  const [batched, execute] = sp.batched();
  const list = batched.web.lists.getByTitle('Requests');
  void list.items.add({ Title: 'one' }).catch(() => undefined);
  void list.items.add({ Title: 'two' }).catch(() => undefined);
  await expect(execute()).rejects.toBeDefined();
  await control(emu, 'DELETE', '/faults');
  // Every attempt did the work of both parts: this is why every write carries a client-made id that readers count once.
  const titles = (await sp.web.lists.getByTitle('Requests').items.select('Title')<{ Title: string }[]>()).map((i) => i.Title);
  const ones = titles.filter((t) => t === 'one').length;
  expect(ones).toBeGreaterThanOrEqual(1);
  expect(titles.filter((t) => t === 'two').length).toBe(ones);
});

test('a rule can hit a share of requests, the same ones for the same seed, until cleared', async () => {
  const statuses = async () => {
    const out: number[] = [];
    for (let n = 0; n < 200; n++) out.push((await fetch(`${emu.siteUrl}/_api/web?$select=Title`, { headers: { 'x-emulator-user': owner.upn } })).status);
    return out;
  };
  await control(emu, 'POST', '/faults', { match: '^GET /sites/hub/_api/web', status: 503, retryAfter: 0, probability: 0.3, seed: 7 });
  const first = await statuses();
  const failed = first.filter((s) => s === 503).length;
  expect(failed).toBeGreaterThan(40);
  expect(failed).toBeLessThan(80);
  expect(first.filter((s) => s !== 503 && s !== 200)).toEqual([]);
  await control(emu, 'DELETE', '/faults');
  await control(emu, 'POST', '/faults', { match: '^GET /sites/hub/_api/web', status: 503, retryAfter: 0, probability: 0.3, seed: 7 });
  expect(await statuses()).toEqual(first);
  await control(emu, 'DELETE', '/faults');
  expect((await statuses()).every((s) => s === 200)).toBe(true);
});

test('faults listing and clearing', async () => {
  await control(emu, 'POST', '/faults', { match: 'never', status: 500, times: 4 });
  expect(await control(emu, 'GET', '/faults')).toEqual([expect.objectContaining({ match: 'never', remaining: 4, status: 500 })]);
  await control(emu, 'DELETE', '/faults');
  expect(await control(emu, 'GET', '/faults')).toEqual([]);
});
