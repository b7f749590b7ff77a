// People SharePoint refuses on every call: a leaver (disabled in the directory, so no sign-in), a
// caller nobody signed in, someone outside the directory, and a guest outside the site's Everyone
// claim; in plain calls, verb tunnelling and $batch alike, with nothing written.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { person, spAs } from '../support/emulator-sharepoint';
import { EVERYONE_LOGIN } from '../../workbench/emulator/sharepoint/seed';

const owner = person('siteOwner');
const leaver = person('leaver');
let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ port: 0, quiet: true }); });
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Requests');
  await sp.web.lists.getByTitle('Requests').items.add({ Title: 'Existing' });
});

const UNAUTHORIZED = { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Attempted to perform an unauthorized operation.' } };
const items = () => `${emu.siteUrl}/_api/web/lists/getbytitle('Requests')/items`;
const identities: Array<[string, Record<string, string>]> = [
  ['the leaver by header', { 'x-emulator-user': person('leaver').upn }],
  ['the leaver by cookie', { cookie: `emulator-user=${encodeURIComponent(person('leaver').upn)}` }],
  ['the leaver by the emulator bearer token', { Authorization: `Bearer emulator:${person('leaver').upn}` }],
  ['someone outside the directory', { 'x-emulator-user': 'ghost@northshire.gov.uk' }],
  ['nobody at all', {}]
];

async function readBack(): Promise<string[]> {
  return (await spAs(emu, owner.upn).web.lists.getByTitle('Requests').items.select('Title')()).map((i: { Title: string }) => i.Title);
}

test.each(identities)('%s: every call is 403 "Attempted to perform an unauthorized operation." and nothing changes', async (_who, identity) => {
  const digest: Record<string, string> = identity['x-emulator-user'] ? { 'X-RequestDigest': emu.sharepoint.issueDigest(identity['x-emulator-user']) } : {};
  const calls: Array<[string, RequestInit]> = [
    [`${emu.siteUrl}/_api/web`, { headers: { Accept: 'application/json', ...identity } }],
    [items(), { headers: { Accept: 'application/json', ...identity } }],
    [`${items()}(1)`, { headers: { Accept: 'application/json', ...identity } }],
    [items(), { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...digest, ...identity }, body: JSON.stringify({ Title: 'planted' }) }],
    [`${items()}(1)`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'If-Match': '*', ...digest, ...identity }, body: JSON.stringify({ Title: 'rewritten' }) }],
    [`${items()}(1)`, { method: 'POST', headers: { Accept: 'application/json', 'X-HTTP-Method': 'DELETE', 'If-Match': '*', ...digest, ...identity } }],
    [`${items()}(1)/ValidateUpdateListItem`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...digest, ...identity }, body: JSON.stringify({ formValues: [{ FieldName: 'Title', FieldValue: 'x' }] }) }],
    [`${emu.siteUrl}/_api/web/currentuser`, { headers: { Accept: 'application/json', ...identity } }],
    [`${emu.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', ...identity } }]
  ];
  for (const [url, init] of calls) {
    const res = await fetch(url, init);
    expect([url, init.method ?? 'GET', res.status]).toEqual([url, init.method ?? 'GET', 403]);
    expect((await res.json())['odata.error']).toEqual(UNAUTHORIZED);
  }
  const boundary = 'batch_r';
  const batch = [`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
    `POST ${items()} HTTP/1.1`, 'Content-Type: application/json', 'Accept: application/json', '', JSON.stringify({ Title: 'batched' }), `--${boundary}--`, ''].join('\r\n');
  const res = await fetch(`${emu.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, Accept: 'application/json', ...digest, ...identity }, body: batch });
  expect(res.status).toBe(403);
  expect(await readBack()).toEqual(['Existing']);
  // A refused caller leaves no entry in the site's users.
  const users = await spAs(emu, owner.upn).web.siteUsers.select('Email')();
  expect(users.map((u: { Email: string }) => u.Email)).not.toContain(leaver.upn);
});

test('a directory person who is not a member of the site gets "Access denied" on every call and is not added to its users', async () => {
  const staff = person('staff');
  const sp = spAs(emu, owner.upn);
  // Make the site members-only: the Everyone claim leaves the Visitors group.
  await sp.web.siteGroups.getByName('Social Media Hub Visitors').users.removeByLoginName(EVERYONE_LOGIN);
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'x-emulator-user': staff.upn, 'X-RequestDigest': emu.sharepoint.issueDigest(staff.upn) };
  for (const [url, init] of [
    [`${emu.siteUrl}/_api/web`, { headers }],
    [`${emu.siteUrl}/_api/contextinfo`, { method: 'POST', headers }],
    [items(), { headers }],
    [items(), { method: 'POST', headers, body: JSON.stringify({ Title: 'planted' }) }]
  ] as Array<[string, RequestInit]>) {
    const res = await fetch(url, init);
    expect(res.status).toBe(403);
    expect((await res.json())['odata.error']).toEqual({ code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' } });
  }
  expect(await readBack()).toEqual(['Existing']);
  expect((await sp.web.siteUsers.select('Email')()).map((u: { Email: string }) => u.Email)).not.toContain(staff.upn);
});

test('a guest of the tenant is outside "Everyone except external users", so a site open to everyone still refuses them', async () => {
  const guest = { ...person('staff'), id: '7a1d5c0e-1b2f-4c3d-9e8f-0000000000ee', upn: 'pat.jones_contoso.com#EXT#@northshire.gov.uk', displayName: 'Pat Jones (guest)', userType: 'Guest' };
  const ctx = emu.context as { directory: unknown };
  const before = ctx.directory;
  ctx.directory = [...(before as object[]), guest];
  try {
    const res = await fetch(`${emu.siteUrl}/_api/web`, { headers: { Accept: 'application/json', 'x-emulator-user': guest.upn } });
    expect(res.status).toBe(403);
    expect((await res.json())['odata.error'].message.value).toBe('Access denied. You do not have permission to perform this action or access this resource.');
    // A member of staff reads the same site through the claim.
    expect((await fetch(`${emu.siteUrl}/_api/web`, { headers: { Accept: 'application/json', 'x-emulator-user': person('staff').upn } })).status).toBe(200);
  } finally {
    ctx.directory = before;
  }
});
