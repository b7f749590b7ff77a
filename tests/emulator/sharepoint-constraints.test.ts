// Constraints SharePoint enforces on lists and columns: unique columns need an index and cannot
// live on a read-own-items list, duplicates are a 500, stale ETags a 412, list titles ≤ 255.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  expect((await call('POST', 'web/lists', { Title: 'Requests', BaseTemplate: 100 })).status).toBe(201);
});

async function call(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${emu.siteUrl}/_api/${path}`, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'x-emulator-user': owner.upn, 'X-RequestDigest': emu.sharepoint.issueDigest(owner.upn), ...extra },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}
const merge = (path: string, body: unknown, ifMatch = '*') => call('POST', path, body, { 'X-HTTP-Method': 'MERGE', 'If-Match': ifMatch });
const list = "web/lists/getbytitle('Requests')";
const addField = (body: Record<string, unknown>) => call('POST', `${list}/fields`, { '__metadata': { type: 'SP.FieldText' }, FieldTypeKind: 2, ...body }, { 'Content-Type': 'application/json;odata=verbose' });
const field = (name: string) => `${list}/fields/getbyinternalnameortitle('${name}')`;

test('a unique column without an index is refused, and so is dropping the index of a unique column', async () => {
  expect((await addField({ Title: 'SubmissionId' })).status).toBe(201);
  const unindexed = await merge(field('SubmissionId'), { EnforceUniqueValues: true });
  expect(unindexed.status).toBe(400);
  expect(unindexed.json['odata.error'].code).toBe('-2146232832, Microsoft.SharePoint.SPException');
  expect((await call('GET', `${field('SubmissionId')}?$select=EnforceUniqueValues`)).json.EnforceUniqueValues).toBe(false);
  expect((await merge(field('SubmissionId'), { Indexed: true, EnforceUniqueValues: true })).status).toBe(204);
  expect((await merge(field('SubmissionId'), { Indexed: false })).status).toBe(400);
  expect((await call('GET', `${field('SubmissionId')}?$select=Indexed`)).json.Indexed).toBe(true);
});

test('unique values cannot be combined with ReadSecurity 2, whichever is set first', async () => {
  expect((await addField({ Title: 'SubmissionId', Indexed: true })).status).toBe(201);
  expect((await merge(list, { ReadSecurity: 2 })).status).toBe(204);
  const unique = await merge(field('SubmissionId'), { EnforceUniqueValues: true });
  expect(unique.status).toBe(400);
  expect(unique.json['odata.error'].code).toBe('-2146232832, Microsoft.SharePoint.SPException');
  expect((await call('GET', `${field('SubmissionId')}?$select=EnforceUniqueValues`)).json.EnforceUniqueValues).toBe(false);
  // Created unique on a read-own list: refused too.
  expect((await addField({ Title: 'Other', Indexed: true, EnforceUniqueValues: true })).status).toBe(400);

  expect((await merge(list, { ReadSecurity: 1 })).status).toBe(204);
  expect((await merge(field('SubmissionId'), { EnforceUniqueValues: true })).status).toBe(204);
  const readOwn = await merge(list, { ReadSecurity: 2 });
  expect(readOwn.status).toBe(400);
  expect(readOwn.json['odata.error'].message.value).toMatch(/unique values/i);
  expect((await call('GET', `${list}?$select=ReadSecurity`)).json.ReadSecurity).toBe(1);
});

test('a stale If-Match answers 412 with SharePoint\'s body; "*" and the current ETag pass', async () => {
  const added = await call('POST', `${list}/items`, { Title: 'v1' });
  expect(added.json['odata.etag']).toBe('"1"');
  expect((await merge(`${list}/items(${added.json.Id})`, { Title: 'v2' }, '"1"')).status).toBe(204);
  const stale = await merge(`${list}/items(${added.json.Id})`, { Title: 'stale' }, '"1"');
  expect(stale.status).toBe(412);
  expect(stale.json['odata.error']).toEqual({
    code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
    message: { lang: 'en-US', value: `The request ETag value '"1"' does not match the object's ETag value '"2"'.` }
  });
  expect((await call('GET', `${list}/items(${added.json.Id})?$select=Title`)).json.Title).toBe('v2');
  const staleDelete = await call('POST', `${list}/items(${added.json.Id})`, undefined, { 'X-HTTP-Method': 'DELETE', 'If-Match': '"1"' });
  expect(staleDelete.status).toBe(412);
  expect((await merge(`${list}/items(${added.json.Id})`, { Title: 'v3' }, '*')).status).toBe(204);
});

test('list titles over 255 characters are refused, on create and on rename; 255 is fine', async () => {
  const long = 'L'.repeat(256);
  const created = await call('POST', 'web/lists', { Title: long, BaseTemplate: 100 });
  expect(created.status).toBe(400);
  expect(created.json['odata.error'].code).toBe('-2147024809, System.ArgumentException');
  expect((await call('GET', `web/lists?$select=Title`)).json.value.map((l: { Title: string }) => l.Title)).toEqual(['Requests']);
  expect((await merge(list, { Title: long })).status).toBe(400);
  expect((await call('GET', `${list}?$select=Title`)).json.Title).toBe('Requests');
  expect((await call('POST', 'web/lists', { Title: 'M'.repeat(255), BaseTemplate: 100 })).status).toBe(201);
});
