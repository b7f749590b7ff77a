// Item-level grants: someone given Read on one item of a list closed to them reaches that item by
// id (Limited Access on the list and web) and nothing else of the list. The grant is made by a
// writer who holds Manage Permissions on the list through a custom permission level, as trust
// design v2's "Add and share" level does.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person, rejection, spAs } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
const comms = person('comms');
const staff = person('staff');
const olivia = person('owner');
const login = (upn: string) => `i:0#.f|membership|${upn}`;
const READ = 1073741826;

let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());

test('a reader granted one item reads it by id, and nothing else of the closed list', async () => {
  const admin = spAs(emu, owner.upn);
  await admin.web.lists.ensure('Reviews');
  const list = admin.web.lists.getByTitle('Reviews');
  // Read + AddListItems + ManagePermissions + EnumeratePermissions (+ what Read needs to open the site).
  const addAndShare = await admin.web.roleDefinitions.add('Add and share', 'Append-only, opens the item to its requester', 300,
    { High: 0x40000000 | 176, Low: 138612833 | 0x2 | 0x2000000 });
  const chris = await admin.web.ensureUser(login(comms.upn));
  const sam = await admin.web.ensureUser(login(staff.upn));
  await list.breakRoleInheritance(false);
  await list.roleAssignments.add(chris.Id, addAndShare.data.Id);
  const other = await list.items.add({ Title: 'Review of someone else' });

  // Sam, a visitor of the site, cannot see the list at all.
  const samList = spAs(emu, staff.upn).web.lists.getByTitle('Reviews');
  expect((await rejection(samList())).status).toBe(404);

  // Chris writes a review and opens it to Sam alone.
  const chrisList = spAs(emu, comms.upn).web.lists.getByTitle('Reviews');
  const mine = await chrisList.items.add({ Title: 'Review of Sam\'s request' });
  await chrisList.items.getById(mine.Id).breakRoleInheritance(true);
  await chrisList.items.getById(mine.Id).roleAssignments.add(sam.Id, READ);

  expect((await samList.items.getById(mine.Id).select('Title')()).Title).toBe('Review of Sam\'s request');
  expect((await samList.items.select('Id')()).map((i: { Id: number }) => i.Id)).toEqual([mine.Id]);
  expect((await rejection(samList.items.getById(other.Id)())).status).toBe(404);
  // Read is all it gives: no add, no edit, no delete; the review reads back unchanged.
  expect((await rejection(samList.items.add({ Title: 'planted' }))).status).toBe(403);
  expect((await rejection(samList.items.getById(mine.Id).update({ Title: 'rewritten' }))).status).toBe(403);
  expect((await rejection(samList.items.getById(mine.Id).delete())).status).toBe(403);
  const all = await list.items.select('Id', 'Title').orderBy('Id')();
  expect(all.map((i: { Title: string }) => i.Title)).toEqual(['Review of someone else', 'Review of Sam\'s request']);

  // Someone not granted the item still cannot reach the list.
  expect((await rejection(spAs(emu, olivia.upn).web.lists.getByTitle('Reviews').items.getById(mine.Id)())).status).toBe(404);
});
