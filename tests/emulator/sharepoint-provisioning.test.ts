// Provisioning the way the app does it: lists.ensure, fields.add* (verbose OData), indexes and
// SharePoint's limits on them.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person, rejection, spAs } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
let emu: Emulator;

beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());
beforeEach(() => emu.reset());

test('lists.ensure creates once, then finds the list', async () => {
  const sp = spAs(emu, owner.upn, { digest: 'pnpjs' });
  const first = await sp.web.lists.ensure('Social Accounts', 'Accounts', 100, false, { EnableVersioning: true });
  expect(first.created).toBe(true);
  expect(first.data).toMatchObject({ Title: 'Social Accounts', ListItemEntityTypeFullName: 'SP.Data.Social_x0020_AccountsListItem', EnableVersioning: true });
  const second = await sp.web.lists.ensure('Social Accounts', 'Accounts');
  expect(second.created).toBe(false);
  const lists = await sp.web.lists.filter("Title eq 'Social Accounts'").select('Title', 'ItemCount')();
  expect(lists).toEqual([expect.objectContaining({ Title: 'Social Accounts', ItemCount: 0 })]);
  const posts = emu.requestLog.all().filter((e) => e.method === 'POST' && e.path.endsWith('/_api/web/lists'));
  expect(posts).toHaveLength(1);
});

test('fields.add* send verbose OData and get verbose answers; Indexed can be set then and later', async () => {
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Requests');
  const list = sp.web.lists.getByTitle('Requests');
  const text = await list.fields.addText('Status', { MaxLength: 50, Indexed: true });
  expect(text).toMatchObject({ __metadata: { type: 'SP.FieldText' }, InternalName: 'Status', TypeAsString: 'Text', FieldTypeKind: 2, MaxLength: 50, Indexed: true });
  const choice = await list.fields.addChoice('Channel', { Choices: ['X', 'Facebook'] });
  expect(choice.Choices).toEqual({ results: ['X', 'Facebook'] });
  const user = await list.fields.addUser('Request Owner');
  expect(user).toMatchObject({ InternalName: 'RequestOwner', Title: 'Request Owner', TypeAsString: 'User' });
  await list.fields.addMultilineText('Notes');
  await list.fields.addNumber('Score');
  await list.fields.addDateTime('Due');
  await list.fields.addBoolean('Urgent');

  const fieldsRequest = emu.requestLog.all().find((e) => e.path.endsWith('/fields') && e.method === 'POST');
  expect(fieldsRequest).toBeDefined();

  await list.fields.getByInternalNameOrTitle('Due').update({ Indexed: true });
  const due = await list.fields.getByInternalNameOrTitle('Due')();
  expect(due.Indexed).toBe(true);
  const all = await list.fields.select('InternalName', 'Indexed').filter('Indexed eq true')();
  expect(all.map((f: { InternalName: string }) => f.InternalName).sort()).toEqual(['Due', 'ID', 'Status']);

  const dup = await rejection(list.fields.addText('Status'));
  expect(dup.status).toBe(400);
  const uniqueWithoutIndex = await rejection(list.fields.getByInternalNameOrTitle('Score').update({ EnforceUniqueValues: true }));
  expect(uniqueWithoutIndex.status).toBe(400);

  const item = await list.items.add({ Title: 'x', RequestOwnerId: (await sp.web.currentUser()).Id });
  expect(item.RequestOwnerId).toBeGreaterThan(0);
});

test('a list holds at most 20 indexed columns', async () => {
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Wide');
  const list = sp.web.lists.getByTitle('Wide');
  for (let i = 1; i <= 20; i++) await list.fields.addText(`C${i}`, { Indexed: true });
  const err = await rejection(list.fields.addText('C21', { Indexed: true }));
  expect(err.status).toBe(400);
  expect(err.message).toContain('20 indexed columns');
  await list.fields.getByInternalNameOrTitle('C1').update({ Indexed: false });
  await list.fields.addText('C21', { Indexed: true });
});

test('list properties: MERGE ReadSecurity/WriteSecurity, unknown properties refused, 404 text', async () => {
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Secure');
  await sp.web.lists.getByTitle('Secure').update({ ReadSecurity: 2, WriteSecurity: 2 });
  const l = await sp.web.lists.getByTitle('Secure').select('ReadSecurity', 'WriteSecurity', 'HasUniqueRoleAssignments', 'Id')();
  expect(l).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2, HasUniqueRoleAssignments: false });
  const byId = await sp.web.lists.getById(l.Id).select('Title')();
  expect(byId.Title).toBe('Secure');
  const bad = await rejection(sp.web.lists.getByTitle('Secure').update({ Colour: 'red' } as Record<string, unknown>));
  expect(bad.status).toBe(400);
  const missing = await rejection(sp.web.lists.getByTitle('Missing')());
  expect(missing.status).toBe(404);
  expect(missing.message).toContain(`"-1, System.ArgumentException"`);
  expect(missing.message).toContain(`List 'Missing' does not exist at site with URL '${emu.siteUrl}'.`);
});

test('built-in columns carry SharePoint\'s fixed ids in every list', async () => {
  const sp = spAs(emu, owner.upn);
  const expected: Record<string, string> = {
    ID: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', Title: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18', Editor: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
    Created: '8c06beca-0777-48f7-91c7-6da68bc07b69', Modified: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f'
  };
  for (const title of ['First', 'Second']) {
    await sp.web.lists.ensure(title);
    const fields = await sp.web.lists.getByTitle(title).fields.select('InternalName', 'Id')<Array<{ InternalName: string; Id: string }>>();
    const byName = Object.fromEntries(fields.map((f) => [f.InternalName, f.Id]));
    for (const [name, id] of Object.entries(expected)) expect([title, name, byName[name]]).toEqual([title, name, id]);
    expect((await sp.web.lists.getByTitle(title).fields.getById(expected.Title).select('InternalName')()).InternalName).toBe('Title');
  }
  // A column a client adds gets a fresh id, different in each list.
  await sp.web.lists.getByTitle('First').fields.addText('Note1');
  await sp.web.lists.getByTitle('Second').fields.addText('Note1');
  const a = await sp.web.lists.getByTitle('First').fields.getByInternalNameOrTitle('Note1').select('Id')();
  const b = await sp.web.lists.getByTitle('Second').fields.getByInternalNameOrTitle('Note1').select('Id')();
  expect(a.Id).not.toBe(b.Id);
});
