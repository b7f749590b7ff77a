// ValidateUpdateListItem and AddValidateUpdateItemUsingPath: SharePoint's answer shape (200 with a
// value per field), the same permission checks as a plain add or MERGE, nothing written when a
// field fails, and Author/Editor/Created/Modified honoured only for Full Control.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person, spAs } from '../support/emulator-sharepoint';

const siteOwner = person('siteOwner');
const staff = person('staff');
const comms = person('comms');
const olivia = person('owner');
const login = (upn: string) => `i:0#.f|membership|${upn}`;
const LIST = 'Requests';

let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  const sp = spAs(emu, siteOwner.upn);
  await sp.web.lists.ensure(LIST);
  await sp.web.lists.getByTitle(LIST).fields.addNumber('Score');
  for (const p of [comms, olivia]) await sp.web.siteGroups.getByName('Social Media Hub Members').users.add(login(p.upn));
});

interface Raw { status: number; json: any }

async function call(upn: string, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Raw> {
  const res = await fetch(`${emu.siteUrl}/_api/${path}`, {
    method,
    headers: {
      Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json', 'x-emulator-user': upn,
      'X-RequestDigest': emu.sharepoint.issueDigest(upn), ...extra
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const listPath = `web/lists/getbytitle('${LIST}')`;
const readItem = async (id: number) =>
  (await call(siteOwner.upn, 'GET', `${listPath}/items(${id})?$select=Title,Score,AuthorId,EditorId,Created,Modified`)).json;
const readAll = async () => (await call(siteOwner.upn, 'GET', `${listPath}/items?$select=Id,Title`)).json.value;

async function addAs(upn: string, title: string): Promise<number> {
  const r = await call(upn, 'POST', `${listPath}/items`, { Title: title });
  expect(r.status).toBe(201);
  return r.json.Id;
}

const validateUpdate = (upn: string, id: number, formValues: Array<{ FieldName: string; FieldValue: string }>, extra?: Record<string, string>) =>
  call(upn, 'POST', `${listPath}/items(${id})/ValidateUpdateListItem`, { formValues, bNewDocumentUpdate: false }, extra);

const addValidate = (upn: string, formValues: Array<{ FieldName: string; FieldValue: string }>) =>
  call(upn, 'POST', `${listPath}/AddValidateUpdateItemUsingPath`, {
    listItemCreateInfo: { FolderPath: { DecodedUrl: `${new URL(emu.siteUrl).pathname}/Lists/${LIST}` }, UnderlyingObjectType: 0 },
    formValues, bNewDocumentUpdate: false
  });

test('ValidateUpdateListItem answers 200 with one ListItemFormUpdateValue per field and writes the item', async () => {
  const id = await addAs(comms.upn, 'Original');
  const r = await validateUpdate(comms.upn, id, [{ FieldName: 'Title', FieldValue: 'Changed' }, { FieldName: 'Score', FieldValue: '7' }]);
  expect(r.status).toBe(200);
  expect(r.json.value).toEqual([
    { ErrorCode: 0, ErrorMessage: null, FieldName: 'Title', FieldValue: 'Changed', HasException: false, ItemId: id },
    { ErrorCode: 0, ErrorMessage: null, FieldName: 'Score', FieldValue: '7', HasException: false, ItemId: id }
  ]);
  expect(await readItem(id)).toMatchObject({ Title: 'Changed', Score: 7 });
  // The verbose dialect wraps the same collection in d.ValidateUpdateListItem.results.
  const verbose = await validateUpdate(comms.upn, id, [{ FieldName: 'Title', FieldValue: 'Again' }], { Accept: 'application/json;odata=verbose' });
  expect(verbose.json.d.ValidateUpdateListItem.results[0]).toMatchObject({ __metadata: { type: 'SP.ListItemFormUpdateValue' }, FieldName: 'Title', HasException: false });
});

test('a bad field value is reported in the 200 answer and nothing is written', async () => {
  const id = await addAs(comms.upn, 'Original');
  const r = await validateUpdate(comms.upn, id, [{ FieldName: 'Title', FieldValue: 'Changed' }, { FieldName: 'Score', FieldValue: 'many' }, { FieldName: 'Nope', FieldValue: 'x' }]);
  expect(r.status).toBe(200);
  const [title, score, nope] = r.json.value;
  expect(title).toMatchObject({ FieldName: 'Title', HasException: false });
  expect(score).toMatchObject({ FieldName: 'Score', HasException: true });
  expect(score.ErrorMessage).toMatch(/number/i);
  expect(nope).toMatchObject({ FieldName: 'Nope', HasException: true, ErrorMessage: "Column 'Nope' does not exist. It may have been deleted by another user." });
  expect(await readItem(id)).toMatchObject({ Title: 'Original', Score: null });
});

test('a caller without Edit gets the 403 of a plain MERGE, and the item reads back unchanged', async () => {
  const id = await addAs(comms.upn, 'Original');
  const r = await validateUpdate(staff.upn, id, [{ FieldName: 'Title', FieldValue: 'Hijacked' }]);
  expect(r.status).toBe(403);
  expect(r.json['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
  expect(await readItem(id)).toMatchObject({ Title: 'Original' });
});

test('WriteSecurity 2 holds: someone else\'s item is refused, one\'s own is not', async () => {
  await call(siteOwner.upn, 'POST', listPath, { WriteSecurity: 2 }, { 'X-HTTP-Method': 'MERGE' });
  const chris = await addAs(comms.upn, 'Chris');
  const oliviaItem = await addAs(olivia.upn, 'Olivia');
  expect((await validateUpdate(comms.upn, oliviaItem, [{ FieldName: 'Title', FieldValue: 'Rewritten' }])).status).toBe(403);
  expect(await readItem(oliviaItem)).toMatchObject({ Title: 'Olivia' });
  expect((await validateUpdate(comms.upn, chris, [{ FieldName: 'Title', FieldValue: 'Mine, fixed' }])).status).toBe(200);
  expect(await readItem(chris)).toMatchObject({ Title: 'Mine, fixed' });
});

test('Author/Editor/Created/Modified from an ordinary editor are ignored; from Full Control they are honoured', async () => {
  const id = await addAs(comms.upn, 'Chris wrote this');
  const before = await readItem(id);
  const oliviaUser = (await call(siteOwner.upn, 'POST', 'web/ensureuser', { logonName: login(olivia.upn) })).json;
  const forged = [
    { FieldName: 'Author', FieldValue: JSON.stringify([{ Key: login(olivia.upn) }]) },
    { FieldName: 'Created', FieldValue: '2020-01-01T00:00:00Z' },
    { FieldName: 'Title', FieldValue: 'Still Chris' }
  ];
  const r = await validateUpdate(comms.upn, id, forged);
  expect(r.status).toBe(200);
  expect(r.json.value.every((v: { HasException: boolean }) => !v.HasException)).toBe(true);
  const after = await readItem(id);
  expect(after).toMatchObject({ Title: 'Still Chris', AuthorId: before.AuthorId, Created: before.Created });

  const byOwner = await validateUpdate(siteOwner.upn, id, forged);
  expect(byOwner.status).toBe(200);
  expect(await readItem(id)).toMatchObject({ AuthorId: oliviaUser.Id, Created: '2020-01-01T00:00:00Z' });
});

test('plain add and MERGE ignore Author/Editor/Created/Modified in the body', async () => {
  const oliviaUser = (await call(siteOwner.upn, 'POST', 'web/ensureuser', { logonName: login(olivia.upn) })).json;
  const add = await call(comms.upn, 'POST', `${listPath}/items`, { Title: 'x', AuthorId: oliviaUser.Id, Created: '2020-01-01T00:00:00Z' });
  expect(add.status).toBe(201);
  const me = (await call(comms.upn, 'GET', 'web/currentuser?$select=Id')).json.Id;
  const created = await readItem(add.json.Id);
  expect(created.AuthorId).toBe(me);
  expect(created.Created).not.toBe('2020-01-01T00:00:00Z');
  const merge = await call(comms.upn, 'POST', `${listPath}/items(${add.json.Id})`, { EditorId: oliviaUser.Id, Modified: '2020-01-01T00:00:00Z' }, { 'X-HTTP-Method': 'MERGE', 'If-Match': '*' });
  expect(merge.status).toBe(204);
  expect(await readItem(add.json.Id)).toMatchObject({ AuthorId: me, EditorId: me });
});

test('AddValidateUpdateItemUsingPath adds an item authored by the caller and names its id', async () => {
  const r = await addValidate(comms.upn, [{ FieldName: 'Title', FieldValue: 'Form add' }, { FieldName: 'Author', FieldValue: JSON.stringify([{ Key: login(olivia.upn) }]) }]);
  expect(r.status).toBe(200);
  const idEntry = r.json.value.find((v: { FieldName: string }) => v.FieldName === 'Id');
  const id = Number(idEntry.FieldValue);
  expect(r.json.value[0]).toEqual({ ErrorCode: 0, ErrorMessage: null, FieldName: 'Title', FieldValue: 'Form add', HasException: false, ItemId: id });
  const me = (await call(comms.upn, 'GET', 'web/currentuser?$select=Id')).json.Id;
  expect(await readItem(id)).toMatchObject({ Title: 'Form add', AuthorId: me });
});

test('AddValidateUpdateItemUsingPath: a bad value adds nothing; a reader gets 403 and adds nothing', async () => {
  const bad = await addValidate(comms.upn, [{ FieldName: 'Title', FieldValue: 'x' }, { FieldName: 'Score', FieldValue: 'lots' }]);
  expect(bad.status).toBe(200);
  expect(bad.json.value.find((v: { FieldName: string }) => v.FieldName === 'Score')).toMatchObject({ HasException: true });
  expect(bad.json.value.some((v: { FieldName: string }) => v.FieldName === 'Id')).toBe(false);
  const denied = await addValidate(staff.upn, [{ FieldName: 'Title', FieldValue: 'planted' }]);
  expect(denied.status).toBe(403);
  expect(denied.json['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
  expect(await readAll()).toEqual([]);
});

test('both endpoints run as $batch parts with the same checks', async () => {
  const id = await addAs(comms.upn, 'Original');
  const boundary = 'batch_v1';
  const api = `${emu.siteUrl}/_api/${listPath}`;
  const part = (url: string, body: unknown) => [
    `--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
    `POST ${url} HTTP/1.1`, 'Accept: application/json;odata=nometadata', 'Content-Type: application/json', '', JSON.stringify(body), ''
  ].join('\r\n');
  const batch = async (upn: string) => {
    const body = part(`${api}/items(${id})/ValidateUpdateListItem`, { formValues: [{ FieldName: 'Title', FieldValue: `by ${upn}` }], bNewDocumentUpdate: false })
      + part(`${api}/AddValidateUpdateItemUsingPath`, { listItemCreateInfo: { UnderlyingObjectType: 0 }, formValues: [{ FieldName: 'Title', FieldValue: `added by ${upn}` }], bNewDocumentUpdate: false })
      + `--${boundary}--\r\n`;
    const res = await fetch(`${emu.siteUrl}/_api/$batch`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, 'x-emulator-user': upn, 'X-RequestDigest': emu.sharepoint.issueDigest(upn) },
      body
    });
    expect(res.status).toBe(200);
    return [...(await res.text()).matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
  };
  expect(await batch(staff.upn)).toEqual([403, 403]);
  expect((await readAll()).map((i: { Title: string }) => i.Title)).toEqual(['Original']);
  expect(await batch(comms.upn)).toEqual([200, 200]);
  expect((await readAll()).map((i: { Title: string }) => i.Title)).toEqual([`by ${comms.upn}`, `added by ${comms.upn}`]);
});
