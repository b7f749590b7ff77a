// List item CRUD through the real PnPjs v4: ETags and If-Match, server-owned columns, type checks,
// unique values and the query options the app uses, in minimal and verbose OData.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person, rejection, spAs } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
const comms = person('comms');
let emu: Emulator;

beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());

beforeEach(async () => {
  emu.reset();
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Requests', 'Social media requests');
  const list = sp.web.lists.getByTitle('Requests');
  await list.fields.addText('Status', { MaxLength: 20, Indexed: true });
  await list.fields.addChoice('Channel', { Choices: ['X', 'Facebook', 'Instagram'] });
  await list.fields.addNumber('Priority');
  await list.fields.addDateTime('Due');
  await list.fields.addUser('Approver');
  await list.fields.addMultilineText('Body');
  await list.fields.addBoolean('Urgent');
});

test('add, read, update with the current ETag, then a stale ETag fails with 412', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Requests');
  const added = await list.items.add({ Title: 'Launch post', Status: 'New', Channel: 'X', Priority: 2 });
  expect(added).toMatchObject({ Id: 1, ID: 1, Title: 'Launch post', Status: 'New', 'odata.etag': '"1"', 'odata.type': 'SP.Data.RequestsListItem' });

  const first = await list.items.getById(1).update({ Status: 'Approved' }, added['odata.etag']);
  expect(first).toEqual({ etag: '"2"' });

  const err = await rejection(list.items.getById(1).update({ Status: 'Rejected' }, '"1"'));
  expect(err.status).toBe(412);
  expect(err.message).toContain(`The request ETag value '\\"1\\"' does not match the object's ETag value '\\"2\\"'.`);

  const item = await list.items.getById(1)();
  expect(item.Status).toBe('Approved');
  expect(item['odata.etag']).toBe('"2"');

  // "*" always wins, and delete removes the item for good.
  await list.items.getById(1).update({ Status: 'Done' });
  await list.items.getById(1).delete();
  const gone = await rejection(list.items.getById(1)());
  expect(gone.status).toBe(404);
  expect(gone.message).toContain('Item does not exist. It may have been deleted by another user.');
});

test('who created or changed an item is decided by the server, not the client', async () => {
  const sp = spAs(emu, owner.upn);
  const ownerUser = await sp.web.currentUser();
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Requests');
  const spoofed = await list.items.add({ Title: 'Spoof', AuthorId: 999, EditorId: 999, Created: '2001-01-01T00:00:00Z', Id: 77 });
  expect(spoofed.AuthorId).toBe(ownerUser.Id);
  expect(spoofed.EditorId).toBe(ownerUser.Id);
  expect(spoofed.Id).toBe(1);
  expect(spoofed.Created.startsWith('2001')).toBe(false);
  await list.items.getById(1).update({ AuthorId: 5, Title: 'Still mine' });
  const again = await list.items.getById(1).select('AuthorId', 'Title')();
  expect(again).toMatchObject({ AuthorId: ownerUser.Id, Title: 'Still mine' });
});

test('writes are validated like SharePoint: unknown properties, lengths, choices, numbers, users', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Requests');
  const unknown = await rejection(list.items.add({ Title: 'x', Nope: 1 }));
  expect(unknown.status).toBe(400);
  expect(unknown.message).toContain("The property 'Nope' does not exist on type 'SP.Data.RequestsListItem'.");

  expect((await rejection(list.items.add({ Title: 'x', Status: 'y'.repeat(21) }))).status).toBe(400);
  expect((await rejection(list.items.add({ Title: 't'.repeat(256) }))).status).toBe(400);
  expect((await rejection(list.items.add({ Title: 'x', Channel: 'TikTok' }))).status).toBe(400);
  expect((await rejection(list.items.add({ Title: 'x', Priority: 'high' }))).status).toBe(400);
  expect((await rejection(list.items.add({ Title: 'x', Due: 'tomorrow' }))).status).toBe(400);
  expect((await rejection(list.items.add({ Title: 'x', ApproverId: 4242 }))).status).toBe(400);
  const navWrite = await rejection(list.items.add({ Title: 'x', Approver: 6 }));
  expect(navWrite.status).toBe(400);

  // A long multi-line body is fine.
  const long = await list.items.add({ Title: 'x', Body: 'b'.repeat(100_000) });
  expect(long.Body).toHaveLength(100_000);
});

test('unique columns refuse a duplicate with SharePoint\'s 500 SPDuplicateValuesFoundException', async () => {
  const sp = spAs(emu, owner.upn);
  const list = sp.web.lists.getByTitle('Requests');
  await list.fields.getByInternalNameOrTitle('Status').update({ EnforceUniqueValues: true });
  await list.items.add({ Title: 'a', Status: 'Unique-1' });
  const dup = await rejection(list.items.add({ Title: 'b', Status: 'unique-1' }));
  expect(dup.status).toBe(500);
  expect(dup.message).toContain('-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException');
  expect(dup.message).toContain('The list item could not be added or updated because duplicate values were found in one or more fields in the list.');
  // Nothing was added, and an update onto the taken value is refused the same way.
  expect((await list.items.select('Title')()).map((i: { Title: string }) => i.Title)).not.toContain('b');
  const other = await list.items.add({ Title: 'c', Status: 'Unique-2' });
  expect((await rejection(list.items.getById(other.Id).update({ Status: 'UNIQUE-1' }))).status).toBe(500);
  expect((await list.items.getById(other.Id).select('Status')()).Status).toBe('Unique-2');
});

test('query options: $select, $expand of people, $filter, $orderby, $top', async () => {
  const sp = spAs(emu, owner.upn);
  const approver = await sp.web.ensureUser(`i:0#.f|membership|${comms.upn}`);
  const list = sp.web.lists.getByTitle('Requests');
  await list.items.add({ Title: 'A', Status: 'New', Priority: 3, Due: '2030-01-10T00:00:00Z', ApproverId: approver.Id, Urgent: true });
  await list.items.add({ Title: 'B', Status: 'New', Priority: 1, Due: '2030-01-05T00:00:00Z', Urgent: false });
  await list.items.add({ Title: 'C', Status: 'Done', Priority: 2, Due: '2030-02-01T00:00:00Z', ApproverId: approver.Id });

  const rows = await list.items
    .select('Id', 'Title', 'Approver/Title', 'Approver/EMail', 'Author/Title')
    .expand('Approver', 'Author')
    .filter("Status eq 'New' and (Priority ge 2 or startswith(Title, 'b'))")
    .orderBy('Priority', false)
    .top(10)();
  expect(rows.map((r: { Title: string }) => r.Title)).toEqual(['A', 'B']);
  expect(rows[0].Approver).toMatchObject({ 'odata.type': 'SP.Data.UserInfoItem', Title: comms.displayName, EMail: comms.upn });
  expect(rows[1].Approver).toBeNull();
  expect(rows[0].Author.Title).toBe(owner.displayName);
  expect(Object.keys(rows[0]).filter((k) => !k.startsWith('odata.')).sort()).toEqual(['Approver', 'Author', 'Id', 'Title']);

  const byPerson = await list.items.select('Title').filter(`ApproverId eq ${approver.Id} and Due lt datetime'2030-01-31T00:00:00Z'`)();
  expect(byPerson.map((r: { Title: string }) => r.Title)).toEqual(['A']);
  const byEmail = await list.items.select('Title').expand('Approver').filter(`Approver/EMail eq '${comms.upn}'`).orderBy('Title', false)();
  expect(byEmail.map((r: { Title: string }) => r.Title)).toEqual(['C', 'A']);
  const booleans = await list.items.select('Title').filter('Urgent eq 1')();
  expect(booleans.map((r: { Title: string }) => r.Title)).toEqual(['A']);
  const notDone = await list.items.select('Title').filter("not (Status eq 'Done') and substringof('a', Title)")();
  expect(notDone.map((r: { Title: string }) => r.Title)).toEqual(['A']);

  const bad = await rejection(list.items.select('Approver')());
  expect(bad.status).toBe(400);
  const tooMany = await rejection(list.items.top(5001)());
  expect(tooMany.status).toBe(400);
});

test('verbose and nometadata dialects', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Requests');
  await list.items.add({ Title: 'V' });
  const headers = { 'x-emulator-user': owner.upn };
  const verbose = await fetch(`${emu.siteUrl}/_api/web/lists/getbytitle('Requests')/items?$select=Id,Title`, {
    headers: { ...headers, Accept: 'application/json;odata=verbose' }
  }).then((r) => r.json());
  expect(verbose.d.results[0]).toMatchObject({ __metadata: { type: 'SP.Data.RequestsListItem', etag: '"1"' }, Id: 1, Title: 'V' });
  const plain = await fetch(`${emu.siteUrl}/_api/web/lists/getbytitle('Requests')/items?$select=Id,Title`, {
    headers: { ...headers, Accept: 'application/json;odata=nometadata' }
  }).then((r) => r.json());
  expect(plain).toEqual({ value: [{ Id: 1, Title: 'V' }] });
  const missing = await fetch(`${emu.siteUrl}/_api/web/lists/getbytitle('Nope')`, { headers: { ...headers, Accept: 'application/json;odata=verbose' } });
  expect(missing.status).toBe(404);
  expect((await missing.json()).error.message.value).toBe(`List 'Nope' does not exist at site with URL '${emu.siteUrl}'.`);
});

test('an emulated gap answers with an error that names it', async () => {
  const res = await fetch(`${emu.siteUrl}/_api/web/features`, { headers: { 'x-emulator-user': owner.upn, Accept: 'application/json' } });
  expect(res.status).toBe(404);
  expect((await res.json())['odata.error'].message.value).toContain('Not emulated');
});
