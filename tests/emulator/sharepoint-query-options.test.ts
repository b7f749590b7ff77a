// Unknown $select / $expand properties are SharePoint's 400 on every entity and collection, never
// silently dropped: a typo in a product query must fail here as it would on a tenant.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  const digest = emu.sharepoint.issueDigest(owner.upn);
  await fetch(`${emu.siteUrl}/_api/web/lists`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'x-emulator-user': owner.upn, 'X-RequestDigest': digest },
    body: JSON.stringify({ Title: 'Posts', BaseTemplate: 100 })
  });
  await fetch(`${emu.siteUrl}/_api/web/lists/getbytitle('Posts')/items`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'x-emulator-user': owner.upn, 'X-RequestDigest': digest },
    body: JSON.stringify({ Title: 'One' })
  });
});
afterAll(() => emu.close());

async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.siteUrl}/_api/${path}`, { headers: { Accept: 'application/json', 'x-emulator-user': owner.upn } });
  return { status: res.status, body: await res.json() };
}

const ENTITIES: Array<[string, string, string]> = [
  ['web', 'SP.Web', 'Title'],
  ['web/lists', 'SP.List', 'Title'],
  ["web/lists/getbytitle('Posts')", 'SP.List', 'Title'],
  ["web/lists/getbytitle('Posts')/fields", 'SP.Field', 'InternalName'],
  ["web/lists/getbytitle('Posts')/fields/getbyinternalnameortitle('Title')", 'SP.FieldText', 'InternalName'],
  ['web/sitegroups', 'SP.Group', 'Title'],
  ['web/sitegroups/getbyid(3)', 'SP.Group', 'Title'],
  ['web/siteusers', 'SP.User', 'Title'],
  ['web/currentuser', 'SP.User', 'Title'],
  ['web/roledefinitions', 'SP.RoleDefinition', 'Name'],
  ['web/roledefinitions/getbytype(5)', 'SP.RoleDefinition', 'Name'],
  ['web/roleassignments', 'SP.RoleAssignment', 'PrincipalId']
];

test.each(ENTITIES)('%s: a known $select answers, an unknown one is 400 naming %s', async (path, type, good) => {
  const fine = await get(`${path}?$select=${good}`);
  expect(fine.status).toBe(200);
  const bad = await get(`${path}?$select=${good},Nonsense`);
  expect(bad.status).toBe(400);
  expect(bad.body['odata.error']).toEqual({
    code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
    message: { lang: 'en-US', value: `The property 'Nonsense' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.` }
  });
});

test.each(ENTITIES)('%s: an unknown $expand is 400', async (path, type) => {
  const bad = await get(`${path}?$expand=Nonsense`);
  expect(bad.status).toBe(400);
  expect(bad.body['odata.error'].message.value).toBe(`The property 'Nonsense' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`);
});

test('list items: an unknown $select or $expand is 400, known ones answer', async () => {
  expect((await get("web/lists/getbytitle('Posts')/items?$select=Id,Title")).status).toBe(200);
  expect((await get("web/lists/getbytitle('Posts')/items(1)?$select=Title,Author/Title&$expand=Author")).status).toBe(200);
  for (const q of ['$select=Title,Nonsense', '$expand=Nonsense', '$select=Nonsense/Title&$expand=Nonsense']) {
    for (const path of ["web/lists/getbytitle('Posts')/items", "web/lists/getbytitle('Posts')/items(1)"]) {
      const r = await get(`${path}?${q}`);
      expect([path, q, r.status]).toEqual([path, q, 400]);
      expect(r.body['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    }
  }
});

test('a real navigation property the emulator does not expand says so instead of answering without it', async () => {
  const r = await get('web?$expand=RoleAssignments');
  expect(r.status).toBe(404);
  expect(r.body['odata.error'].message.value).toContain('Not emulated');
  expect((await get('web/roleassignments?$expand=Member,RoleDefinitionBindings')).status).toBe(200);
});
