import { SEED_PEOPLE, type DirectoryUser } from '../../workbench/emulator/directory';
import { startGraphTestServer, type GraphTestServer } from '../support/graph-server';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { GraphDirectory } from '../../src/data/graph/graphDirectory';
import type { GraphLike } from '../../src/data/graph/graphLike';

// The people picker's side of the directory adapter against the Graph emulator: enabled members
// found by name or address with Graph's $search, guests and leavers never offered, a pasted address
// told apart (member, left, guest, unknown), quotes and OData syntax kept inside their literal, and
// throttling reported rather than waited out for long.

const GUEST: DirectoryUser = {
  id: '7a1d5c0e-1b2f-4c3d-9e8f-200000000001', upn: 'sam.ogrady_partner.org#EXT#@northshire.gov.uk', mail: 'sam@partner.org', userType: 'Guest',
  displayName: 'Sam O\'Grady (partner)', jobTitle: 'Consultant', department: 'External', accountEnabled: true, persona: 'staff'
};
const QUOTED: DirectoryUser = {
  id: '7a1d5c0e-1b2f-4c3d-9e8f-200000000002', upn: 'o\'brien@northshire.gov.uk', displayName: 'Sam "Sammy" O\'Brien', jobTitle: 'Officer',
  department: 'Housing', accountEnabled: true, persona: 'staff'
};
const COMMS = SEED_PEOPLE.find((p) => p.persona === 'comms')!;
const LEAVER = SEED_PEOPLE.find((p) => p.persona === 'leaver')!;

let server: GraphTestServer;
beforeAll(async () => { server = await startGraphTestServer({ directory: [...SEED_PEOPLE, GUEST, QUOTED] }); });
afterAll(() => server.close());
beforeEach(() => server.control('POST', '/faults', { reset: true }));

function directory() {
  const client = createWorkbenchGraphClient({ origin: server.origin, user: COMMS.upn, retry: { maxRetries: 0 } });
  const paths: string[] = [];
  const graph: GraphLike = { api: (p: string) => (paths.push(p), client.api(p)) };
  const sleeps: number[] = [];
  return { dir: new GraphDirectory(graph, { sleep: async (ms) => { sleeps.push(ms); } }), paths, sleeps };
}

it('finds enabled members by the start of a word of their name or of their address, asking Graph for little', async () => {
  const { dir, paths } = directory();
  const found = await dir.searchPeople('sam', 8);
  // The guest Sam O'Grady is not offered; the leaver never matches "sam" anyway.
  expect(found.map((p) => p.name).sort()).toEqual(['Sam "Sammy" O\'Brien', 'Sam Patel']);
  expect(found.find((p) => p.name === 'Sam Patel')).toEqual({ id: SEED_PEOPLE[0].id, name: 'Sam Patel', upn: 'sam.patel@northshire.gov.uk', mail: 'sam.patel@northshire.gov.uk', department: undefined });
  const url = new URL(`https://x${paths[0]}`);
  expect(url.searchParams.get('$search')).toBe('"displayName:sam" OR "mail:sam"');
  expect(url.searchParams.get('$select')).toBe('id,displayName,userPrincipalName,mail');
  expect(url.searchParams.get('$top')).toBe('8');
  expect(await dir.searchPeople('olivia.reed@', 8)).toEqual([expect.objectContaining({ name: 'Olivia Reed' })]);
  expect(await dir.searchPeople('leah', 8)).toEqual([]);
  expect(await dir.searchPeople('   ', 8)).toEqual([]);
});

it('keeps quotes, backslashes and OData syntax inside the search text: they never break or widen it', async () => {
  const { dir } = directory();
  expect((await dir.searchPeople('"Sammy"', 8)).map((p) => p.name)).toEqual(['Sam "Sammy" O\'Brien']);
  for (const hostile of ['" OR "displayName:', 'x\\" OR "mail:', "') or true or ('", 'a & b', '*']) {
    expect([hostile, await dir.searchPeople(hostile, 8)]).toEqual([hostile, []]);
  }
});

it('tells a pasted address apart: a member, someone who left, a guest, nobody', async () => {
  const { dir } = directory();
  expect(await dir.personByEmail('Olivia.Reed@northshire.gov.uk')).toMatchObject({ kind: 'member', person: { name: 'Olivia Reed' } });
  expect(await dir.personByEmail(LEAVER.upn)).toMatchObject({ kind: 'disabled', person: { name: 'Leah Ward' } });
  expect(await dir.personByEmail('sam@partner.org')).toMatchObject({ kind: 'guest', person: { name: 'Sam O\'Grady (partner)' } });
  expect(await dir.personByEmail("o'brien@northshire.gov.uk")).toMatchObject({ kind: 'member', person: { name: 'Sam "Sammy" O\'Brien' } });
  expect(await dir.personByEmail("x' or mail eq 'sam.patel@northshire.gov.uk")).toEqual({ kind: 'unknown' });
  expect(await dir.personByEmail('nobody@northshire.gov.uk')).toEqual({ kind: 'unknown' });
});

it('says the directory is busy when throttled for longer than a person waits while typing', async () => {
  await server.control('POST', '/faults', { throttleNextRead: 1, retryAfter: 30 });
  const { dir, sleeps } = directory();
  await expect(dir.searchPeople('sam', 8)).rejects.toMatchObject({ kind: 'throttled', message: 'The directory is busy. Try again in a minute.' });
  expect(sleeps).toEqual([]);
  // A short wait is waited out once.
  await server.control('POST', '/faults', { throttleNextRead: 1, retryAfter: 2 });
  expect(await dir.searchPeople('ben', 8)).toEqual([expect.objectContaining({ name: 'Ben Hughes' })]);
  expect(sleeps).toEqual([2000]);
});
