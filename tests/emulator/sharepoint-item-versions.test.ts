// Item versions (workbench/emulator/sharepoint/versions.ts): every save of an item on a list with
// versioning on is kept, newest first, with that version's time, editor and values; reading them
// needs View Versions and seeing the item.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person, rejection, spAs } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
const comms = person('comms');
const staff = person('staff');
const olivia = person('owner');
const login = (upn: string) => `i:0#.f|membership|${upn}`;
let emu: Emulator;

interface Version {
  VersionId: number; VersionLabel: string; IsCurrentVersion: boolean; Created: string; Modified: string;
  Title: string; Channel: string | null; Approver: { LookupId: number; LookupValue: string; Email: string } | null;
  Editor: { LookupId: number; LookupValue: string; Email: string };
}

beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());

beforeEach(async () => {
  emu.reset();
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Register', 'Accounts', 100, false, { EnableVersioning: true });
  const list = sp.web.lists.getByTitle('Register');
  await list.fields.addChoice('Channel', { Choices: ['X', 'Facebook'] });
  await list.fields.addUser('Approver');
});

async function raw(upn: string, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.siteUrl}/_api/${path}`, { headers: { 'x-emulator-user': upn, Accept: 'application/json;odata=nometadata' } });
  return { status: res.status, body: await res.json() };
}

test('each save is a version: newest first, labelled N.0 with VersionId N × 512, its own time, editor and values', async () => {
  const sp = spAs(emu, owner.upn);
  const list = sp.web.lists.getByTitle('Register');
  const chris = await sp.web.ensureUser(login(comms.upn));
  const sam = await sp.web.ensureUser(login(staff.upn));
  await list.breakRoleInheritance(true);
  await list.roleAssignments.add(chris.Id, 1073741827); // Contribute
  const added = await list.items.add({ Title: 'Libraries', Channel: 'X', ApproverId: sam.Id });
  // Two saves within the same second still get distinct, increasing stamps.
  await spAs(emu, comms.upn).web.lists.getByTitle('Register').items.getById(added.Id).update({ Channel: 'Facebook' });
  await list.items.getById(added.Id).update({ ApproverId: chris.Id, Title: 'Libraries (North)' });

  const versions: Version[] = await list.items.getById(added.Id).versions();
  expect(versions.map((v) => [v.VersionLabel, v.VersionId, v.IsCurrentVersion])).toEqual([['3.0', 1536, true], ['2.0', 1024, false], ['1.0', 512, false]]);
  expect(versions.map((v) => [v.Title, v.Channel, v.Approver?.LookupValue])).toEqual([
    ['Libraries (North)', 'Facebook', 'Chris Morgan'], ['Libraries', 'Facebook', 'Sam Patel'], ['Libraries', 'X', 'Sam Patel']
  ]);
  expect(versions.map((v) => v.Editor.LookupValue)).toEqual(['Simon Clarke', 'Chris Morgan', 'Simon Clarke']);
  expect(versions[1].Editor).toEqual({ LookupId: chris.Id, LookupValue: 'Chris Morgan', Email: comms.upn });
  const times = versions.map((v) => Date.parse(v.Created)).reverse();
  expect(times[1]).toBeGreaterThan(times[0]);
  expect(times[2]).toBeGreaterThan(times[1]);
  expect(versions.every((v) => v.Modified === v.Created)).toBe(true);

  // The item says which version it is, and its Modified is the current version's time.
  const item = await list.items.getById(added.Id).select('OData__UIVersionString', 'Modified')();
  expect(item).toMatchObject({ OData__UIVersionString: '3.0', Modified: versions[0].Created });

  // One version by id, by getById, and through lists(guid'…').
  const listId = (await list.select('Id')()).Id;
  const one = await raw(owner.upn, `web/lists(guid'${listId}')/items(${added.Id})/versions(1024)`);
  expect(one.status).toBe(200);
  expect(one.body).toMatchObject({ VersionLabel: '2.0', Channel: 'Facebook', IsCurrentVersion: false });
  expect((await raw(owner.upn, `web/lists/getbytitle('Register')/items(${added.Id})/versions/getById(512)`)).body.Channel).toBe('X');
  expect((await raw(owner.upn, `web/lists/getbytitle('Register')/items(${added.Id})/versions(2048)`)).status).toBe(404);

  // Paging with $top (and $skip), and $select of version properties.
  const page = await raw(owner.upn, `web/lists/getbytitle('Register')/items(${added.Id})/versions?$top=2&$skip=1&$select=VersionLabel,Created`);
  expect(page.body.value).toEqual([{ VersionLabel: '2.0', Created: versions[1].Created }, { VersionLabel: '1.0', Created: versions[2].Created }]);
  expect((await raw(owner.upn, `web/lists/getbytitle('Register')/items(${added.Id})/versions?$select=Nope`)).status).toBe(400);
});

test('a list without versioning answers only the current state, as 1.0', async () => {
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Plain', 'No versions');
  const list = sp.web.lists.getByTitle('Plain');
  const added = await list.items.add({ Title: 'first' });
  await list.items.getById(added.Id).update({ Title: 'second' });
  const versions: Version[] = await list.items.getById(added.Id).versions();
  expect(versions.map((v) => [v.VersionLabel, v.Title, v.IsCurrentVersion])).toEqual([['1.0', 'second', true]]);
});

test('reading versions needs View Versions on the item; without it the item reads but its history is refused', async () => {
  const admin = spAs(emu, owner.upn);
  const list = admin.web.lists.getByTitle('Register');
  const added = await list.items.add({ Title: 'Secretive', Channel: 'X' });
  await list.items.getById(added.Id).update({ Channel: 'Facebook' });
  // Read without View Versions: View, Open items, View forms, Open, View pages, Browse user info, Use remote APIs.
  const readOnly = await admin.web.roleDefinitions.add('Read without history', 'Reads items, not their versions', 300,
    { High: 0x20, Low: 0x1 | 0x20 | 0x1000 | 0x10000 | 0x20000 | 0x8000000 });
  const sam = await admin.web.ensureUser(login(staff.upn));
  await list.breakRoleInheritance(false);
  await list.roleAssignments.add(sam.Id, readOnly.data.Id);

  expect((await raw(staff.upn, `web/lists/getbytitle('Register')/items(${added.Id})`)).body.Title).toBe('Secretive');
  const refused = await raw(staff.upn, `web/lists/getbytitle('Register')/items(${added.Id})/versions`);
  expect(refused.status).toBe(403);
  expect(refused.body['odata.error'].code).toContain('System.UnauthorizedAccessException');
  expect((await raw(staff.upn, `web/lists/getbytitle('Register')/items(${added.Id})/versions(512)`)).status).toBe(403);
  // Versions are read-only through this endpoint.
  const res = await fetch(`${emu.siteUrl}/_api/web/lists/getbytitle('Register')/items(${added.Id})/versions(512)`, {
    method: 'DELETE', headers: { 'x-emulator-user': owner.upn, 'X-RequestDigest': emu.sharepoint.issueDigest(owner.upn) }
  });
  expect(res.status).toBe(405);
  // The owner, entitled, still sees both versions: nothing was lost.
  expect((await list.items.getById(added.Id).versions()).map((v: Version) => v.Channel)).toEqual(['Facebook', 'X']);
});

test('with "read only own items", others\' items and their versions are not found', async () => {
  const admin = spAs(emu, owner.upn);
  const list = admin.web.lists.getByTitle('Register');
  await list.update({ ReadSecurity: 2 });
  await list.breakRoleInheritance(true);
  for (const p of [staff, olivia]) await list.roleAssignments.add((await admin.web.ensureUser(login(p.upn))).Id, 1073741827); // Contribute
  const mine = await spAs(emu, staff.upn).web.lists.getByTitle('Register').items.add({ Title: 'Sam\'s' });
  const theirs = await spAs(emu, olivia.upn).web.lists.getByTitle('Register').items.add({ Title: 'Olivia\'s' });
  expect((await raw(staff.upn, `web/lists/getbytitle('Register')/items(${mine.Id})/versions`)).body.value.map((v: Version) => v.Title)).toEqual(['Sam\'s']);
  const hidden = await raw(staff.upn, `web/lists/getbytitle('Register')/items(${theirs.Id})/versions`);
  expect(hidden.status).toBe(404);
  expect(await rejection(spAs(emu, staff.upn).web.lists.getByTitle('Register').items.getById(theirs.Id).versions())).toMatchObject({ status: 404 });
});
