import { startEmulator, type Emulator } from '../../workbench/emulator';
import { createGraphHandler } from '../../workbench/emulator/graph';
import { person } from '../support/emulator-sharepoint';

// Seeding people at scale (benches): people added to the directory are Graph users, sign in as
// themselves, and are already users of the site with the ids returned.
let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ quiet: true, graphHandlerFactory: createGraphHandler }); });
afterAll(async () => { await emu?.close(); });

it('adds people whom Graph and SharePoint both know, with distinct ids', async () => {
  const added = emu.addDirectoryPeople(3);
  expect(new Set(added.map((a) => a.person.id)).size).toBe(3);
  const last = added[2];
  const user = await fetch(`${emu.url}/v1.0/users/${encodeURIComponent(last.person.upn)}?$select=id,displayName,accountEnabled`, { headers: { authorization: `Bearer emulator:${person('comms').upn}` } });
  expect(await user.json()).toMatchObject({ id: last.person.id, displayName: last.person.displayName, accountEnabled: true });
  const siteUser = await fetch(`${emu.siteUrl}/_api/web/siteusers/getbyid(${last.siteUserId})?$select=Id,UserPrincipalName`, { headers: { 'x-emulator-user': person('siteOwner').upn, accept: 'application/json;odata=nometadata' } });
  expect(await siteUser.json()).toMatchObject({ Id: last.siteUserId, UserPrincipalName: last.person.upn });
  // They are who a request says they are, like the seeded people.
  const me = await fetch(`${emu.url}/v1.0/me`, { headers: { authorization: `Bearer emulator:${last.person.upn}` } });
  expect(((await me.json()) as { id: string }).id).toBe(last.person.id);
});
