// Permissions enforced for the impersonated user: groups and the Everyone claim, role definitions
// and assignments on web, list and item, ReadSecurity/WriteSecurity, digests and identities.
import { PermissionKind } from '@pnp/sp/security/index.js';
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person, rejection, spAs } from '../support/emulator-sharepoint';

const siteOwner = person('siteOwner');
const staff = person('staff');
const comms = person('comms');
const olivia = person('owner');
const head = person('commsHead');
const login = (upn: string) => `i:0#.f|membership|${upn}`;
const ACCESS_DENIED = 'Access denied. You do not have permission to perform this action or access this resource.';

let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  const sp = spAs(emu, siteOwner.upn);
  await sp.web.lists.ensure('Requests');
  for (const p of [comms, olivia]) await sp.web.siteGroups.getByName('Social Media Hub Members').users.add(login(p.upn));
});

test('the seeded site: associated groups, Everyone in Visitors, built-in role definitions', async () => {
  const sp = spAs(emu, staff.upn);
  const groups = await sp.web.siteGroups.select('Title')();
  expect(groups.map((g: { Title: string }) => g.Title).sort()).toEqual(['Social Media Hub Members', 'Social Media Hub Owners', 'Social Media Hub Visitors']);
  const visitors = await sp.web.siteGroups.getByName('Social Media Hub Visitors').users();
  expect(visitors[0].LoginName).toMatch(/^c:0-\.f\|rolemanager\|spo-grid-all-users\//);
  const owners = await sp.web.siteGroups.getByName('Social Media Hub Owners').users();
  expect(owners.map((u: { Email: string }) => u.Email)).toEqual([siteOwner.upn]);
  // Sam reads the site through the Everyone claim in Visitors, which is not a listed membership.
  expect(await sp.web.currentUser.groups()).toEqual([]);
  expect(await sp.web.currentUserHasPermissions(PermissionKind.ViewListItems)).toBe(true);
  const edit = await sp.web.roleDefinitions.getByName('Edit')();
  expect(edit).toMatchObject({ Id: 1073741830, RoleTypeKind: 6, BasePermissions: { High: '432', Low: '1011030767' } });
  expect((await sp.web.roleDefinitions.getByType(5)()).Name).toBe('Full Control');
  const me = await sp.web.currentUser();
  expect(me).toMatchObject({ LoginName: login(staff.upn), Email: staff.upn, IsSiteAdmin: false, UserPrincipalName: staff.upn });
});

test('a visitor can read but not write; members can; effective permissions say so', async () => {
  const visitor = spAs(emu, staff.upn);
  expect((await visitor.web.lists.getByTitle('Requests')()).Title).toBe('Requests');
  const denied = await rejection(visitor.web.lists.getByTitle('Requests').items.add({ Title: 'nope' }));
  expect(denied.status).toBe(403);
  expect(denied.message).toContain('-2147024891, System.UnauthorizedAccessException');
  expect(denied.message).toContain(ACCESS_DENIED);
  expect(await visitor.web.currentUserHasPermissions(PermissionKind.ViewListItems)).toBe(true);
  expect(await visitor.web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(false);
  expect((await rejection(visitor.web.lists.add('Mine'))).status).toBe(403);
  expect((await rejection(visitor.web.roleAssignments.add(6, 1073741829))).status).toBe(403);

  const member = spAs(emu, comms.upn);
  await member.web.lists.getByTitle('Requests').items.add({ Title: 'yes' });
  expect(await member.web.lists.getByTitle('Requests').currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
  const perms = await member.web.lists.getByTitle('Requests').effectiveBasePermissions();
  expect(perms).toMatchObject({ High: '432', Low: '1011030767' });
});

test('ReadSecurity/WriteSecurity 2: people see and edit only their own items unless they may override list behaviours', async () => {
  const admin = spAs(emu, siteOwner.upn);
  await admin.web.lists.getByTitle('Requests').update({ ReadSecurity: 2, WriteSecurity: 2 });
  const chrisList = spAs(emu, comms.upn).web.lists.getByTitle('Requests');
  const oliviaList = spAs(emu, olivia.upn).web.lists.getByTitle('Requests');
  const c = await chrisList.items.add({ Title: 'Chris request' });
  const o = await oliviaList.items.add({ Title: 'Olivia request' });

  expect((await chrisList.items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual(['Chris request']);
  expect((await rejection(chrisList.items.getById(o.Id)())).status).toBe(404);
  expect((await rejection(chrisList.items.getById(o.Id).update({ Title: 'hijack' }))).status).toBe(404);

  // A custom permission level with "Override List Behaviors" lifts both rules.
  const moderate = await admin.web.roleDefinitions.add('Moderate', 'Reads and fixes any request', 200,
    { High: 0, Low: 0x1 | 0x4 | 0x100 | 0x10000 | 0x20000 });
  const hannah = await admin.web.ensureUser(login(head.upn));
  await admin.web.lists.getByTitle('Requests').breakRoleInheritance(true);
  await admin.web.lists.getByTitle('Requests').roleAssignments.add(hannah.Id, moderate.data.Id);
  const hannahList = spAs(emu, head.upn).web.lists.getByTitle('Requests');
  expect((await hannahList.items.select('Title').orderBy('Id')()).map((i: { Title: string }) => i.Title)).toEqual(['Chris request', 'Olivia request']);
  await hannahList.items.getById(c.Id).update({ Title: 'Chris request (fixed)' });
  expect((await rejection(hannahList.items.add({ Title: 'no add right' }))).status).toBe(403);

  // WriteSecurity 4: nobody without the override writes.
  await admin.web.lists.getByTitle('Requests').update({ WriteSecurity: 4 });
  expect((await rejection(chrisList.items.add({ Title: 'x' }))).status).toBe(403);
});

test('item-level unique permissions hide an item from everyone not granted it', async () => {
  const admin = spAs(emu, siteOwner.upn);
  const list = admin.web.lists.getByTitle('Requests');
  const secret = await list.items.add({ Title: 'Secret' });
  await list.items.add({ Title: 'Open' });
  const sam = await admin.web.ensureUser(login(staff.upn));
  await list.items.getById(secret.Id).breakRoleInheritance(false);
  await list.items.getById(secret.Id).roleAssignments.add(sam.Id, 1073741826);

  const chris = spAs(emu, comms.upn).web.lists.getByTitle('Requests');
  expect((await chris.items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual(['Open']);
  expect((await rejection(chris.items.getById(secret.Id)())).status).toBe(404);
  const samList = spAs(emu, staff.upn).web.lists.getByTitle('Requests');
  expect((await samList.items.select('Title').orderBy('Id')()).map((i: { Title: string }) => i.Title)).toEqual(['Secret', 'Open']);
  expect((await rejection(samList.items.getById(secret.Id).update({ Title: 'x' }))).status).toBe(403);

  const item = await list.items.getById(secret.Id).select('HasUniqueRoleAssignments')();
  expect(item.HasUniqueRoleAssignments).toBe(true);
  type Expanded = { Member: { Title: string }; RoleDefinitionBindings: Array<{ Name: string }> };
  const assignments = await list.items.getById(secret.Id).roleAssignments.expand('Member', 'RoleDefinitionBindings')<Expanded[]>();
  const summary = assignments.map((a) =>
    `${a.Member.Title}:${a.RoleDefinitionBindings.map((b) => b.Name).join('+')}`);
  expect(summary.sort()).toEqual([`${siteOwner.displayName}:Full Control`, `${staff.displayName}:Read`].sort());

  await list.items.getById(secret.Id).resetRoleInheritance();
  expect(await chris.items()).toHaveLength(2);
});

test('writes need a form digest for the same user; bearer callers do not', async () => {
  const url = `${emu.siteUrl}/_api/web/lists/getbytitle('Requests')/items`;
  const post = (headers: Record<string, string>) => fetch(url, {
    method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ Title: 'x' })
  });
  const none = await post({ 'x-emulator-user': siteOwner.upn });
  expect(none.status).toBe(403);
  expect((await none.json())['odata.error'].code).toBe('-2130575251, Microsoft.SharePoint.SPException');
  const someoneElses = await post({ 'x-emulator-user': siteOwner.upn, 'X-RequestDigest': emu.sharepoint.issueDigest(comms.upn) });
  expect(someoneElses.status).toBe(403);
  const info = await fetch(`${emu.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { 'x-emulator-user': siteOwner.upn, Accept: 'application/json' } }).then((r) => r.json());
  expect(info.FormDigestValue).toMatch(/^0x[0-9A-F]+,\d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} -0000$/);
  expect(info.FormDigestTimeoutSeconds).toBe(1800);
  expect((await post({ 'x-emulator-user': siteOwner.upn, 'X-RequestDigest': info.FormDigestValue })).status).toBe(201);
  expect((await post({ Authorization: `Bearer emulator:${siteOwner.upn}` })).status).toBe(201);
});

test('callers nobody signed in, people outside the directory and leavers get SharePoint\'s 403; unknown people cannot be ensured', async () => {
  const anon = await fetch(`${emu.siteUrl}/_api/web`, { headers: { Accept: 'application/json' } });
  expect(anon.status).toBe(403);
  expect((await anon.json())['odata.error']).toEqual({ code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Attempted to perform an unauthorized operation.' } });
  expect((await fetch(`${emu.siteUrl}/_api/web`, { headers: { 'x-emulator-user': 'nobody@northshire.gov.uk' } })).status).toBe(403);
  const leaver = person('leaver');
  expect((await fetch(`${emu.siteUrl}/_api/web`, { headers: { 'x-emulator-user': leaver.upn } })).status).toBe(403);
  const byCookie = await fetch(`${emu.siteUrl}/_api/web/currentuser`, { headers: { cookie: `emulator-user=${encodeURIComponent(staff.upn)}`, Accept: 'application/json' } });
  expect((await byCookie.json()).Email).toBe(staff.upn);

  const sp = spAs(emu, siteOwner.upn);
  const err = await rejection(sp.web.ensureUser(login('ghost@northshire.gov.uk')));
  expect(err.status).toBe(404);
  expect(err.message).toContain('The specified user i:0#.f|membership|ghost@northshire.gov.uk could not be found.');
  const ensured = await sp.web.ensureUser(login(head.upn));
  expect((await sp.web.getUserById(ensured.Id)()).Title).toBe(head.displayName);
  expect((await sp.web.siteUsers.getByEmail(head.upn)()).Id).toBe(ensured.Id);
  expect((await sp.web.siteUsers.getById(ensured.Id)()).Email).toBe(head.upn);
  expect((await sp.web.siteUsers.getByLoginName(login(head.upn))()).Id).toBe(ensured.Id);
});

test('site groups: create, add and remove members, membership drives permissions', async () => {
  const admin = spAs(emu, siteOwner.upn);
  const group = await admin.web.siteGroups.add({ Title: 'Comms Approvers', Description: 'Approve posts' });
  await admin.web.lists.getByTitle('Requests').breakRoleInheritance(true);
  await admin.web.lists.getByTitle('Requests').roleAssignments.add(group.Id, 1073741827);
  const samList = spAs(emu, staff.upn).web.lists.getByTitle('Requests');
  expect((await rejection(samList.items.add({ Title: 'x' }))).status).toBe(403);
  await admin.web.siteGroups.getById(group.Id).users.add(login(staff.upn));
  await samList.items.add({ Title: 'now allowed' });
  const members = await admin.web.siteGroups.getById(group.Id).users.select('Email')();
  expect(members.map((m: { Email: string }) => m.Email)).toContain(staff.upn);
  await admin.web.siteGroups.getById(group.Id).users.removeByLoginName(login(staff.upn));
  expect((await rejection(samList.items.add({ Title: 'x' }))).status).toBe(403);
  expect((await rejection(spAs(emu, staff.upn).web.siteGroups.add({ Title: 'Mine' }))).status).toBe(403);
});

test('currentUser.groups lists only the groups the user was added to, not those reached through a claim', async () => {
  // Chris was added to Members by name (beforeEach); Everyone reaches Visitors only as a claim.
  const chris = spAs(emu, comms.upn);
  const mine = await chris.web.currentUser.groups.select('Title')();
  expect(mine.map((g: { Title: string }) => g.Title)).toEqual(['Social Media Hub Members']);
  // The claim still grants what Visitors grants.
  expect(await spAs(emu, staff.upn).web.lists.getByTitle('Requests').currentUserHasPermissions(PermissionKind.ViewListItems)).toBe(true);
});

test('"only group members can view the membership" hides the member list from everyone else', async () => {
  const admin = spAs(emu, siteOwner.upn);
  const group = await admin.web.siteGroups.add({ Title: 'Comms Approvers', OnlyAllowMembersViewMembership: true });
  await admin.web.siteGroups.getById(group.Id).users.add(login(comms.upn));

  const outsider = spAs(emu, staff.upn).web.siteGroups.getById(group.Id);
  const denied = await rejection(outsider.users());
  expect(denied.status).toBe(403);
  expect(denied.message).toContain(ACCESS_DENIED);
  expect((await rejection(outsider.users.getByEmail(comms.upn)())).status).toBe(403);
  // The group itself stays visible, and says the caller cannot see who is in it.
  expect(await outsider.select('Title', 'CanCurrentUserViewMembership')()).toMatchObject({ Title: 'Comms Approvers', CanCurrentUserViewMembership: false });

  const member = spAs(emu, comms.upn).web.siteGroups.getById(group.Id);
  expect((await member.users.select('Email')()).map((u: { Email: string }) => u.Email)).toContain(comms.upn);
  expect(await member.select('CanCurrentUserViewMembership')()).toMatchObject({ CanCurrentUserViewMembership: true });
  // Those who manage permissions on the site (here the site collection admin) always can.
  expect((await admin.web.siteGroups.getById(group.Id).users()).length).toBeGreaterThan(0);

  // The default setting lets any site reader see the members.
  await admin.web.siteGroups.getById(group.Id).update({ OnlyAllowMembersViewMembership: false });
  expect((await outsider.users()).map((u: { Email: string }) => u.Email)).toContain(comms.upn);
});

test('a reader cannot enumerate role assignments or anyone\'s effective permissions', async () => {
  const reader = spAs(emu, staff.upn);
  expect((await rejection(reader.web.roleAssignments())).status).toBe(403);
  expect((await rejection(reader.web.lists.getByTitle('Requests').roleAssignments())).status).toBe(403);
  expect((await rejection(reader.web.getUserEffectivePermissions(login(comms.upn)))).status).toBe(403);
  // ...but may read the list, its fields and the site groups.
  expect((await reader.web.lists.getByTitle('Requests').fields.select('InternalName')()).length).toBeGreaterThan(0);
  expect((await reader.web.siteGroups.select('Title')()).length).toBe(3);
});

test('an Authorization header the emulator did not issue answers 401 and writes nothing, even with a valid digest', async () => {
  const url = `${emu.siteUrl}/_api/web/lists/getbytitle('Requests')/items`;
  const titles = async () => (await spAs(emu, siteOwner.upn).web.lists.getByTitle('Requests').items.select('Title')()).map((i: { Title: string }) => i.Title);
  for (const authorization of ['Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2ln', 'Basic c2ltb246cGFzcw==', 'Bearer emulator:', 'emulator:' + siteOwner.upn]) {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        Accept: 'application/json', 'Content-Type': 'application/json', Authorization: authorization,
        'x-emulator-user': siteOwner.upn, 'X-RequestDigest': emu.sharepoint.issueDigest(siteOwner.upn)
      },
      body: JSON.stringify({ Title: 'forged' })
    });
    expect([authorization, res.status]).toEqual([authorization, 401]);
    expect(await res.json()).toEqual({ error_description: 'Invalid issuer or signature.' });
    const read = await fetch(`${emu.siteUrl}/_api/web`, { headers: { Authorization: authorization, 'x-emulator-user': siteOwner.upn } });
    expect(read.status).toBe(401);
  }
  expect(await titles()).toEqual([]);
  // The emulator's own token stands in for an OAuth token: no digest needed, as on SharePoint.
  const own = await fetch(url, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer emulator:${siteOwner.upn}` }, body: JSON.stringify({ Title: 'bearer' }) });
  expect(own.status).toBe(201);
  expect(await titles()).toEqual(['bearer']);
});
