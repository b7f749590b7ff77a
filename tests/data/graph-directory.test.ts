import { SEED_PEOPLE, type DirectoryUser } from '../../workbench/emulator/directory';
import { startGraphTestServer, type GraphTestServer } from '../support/graph-server';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { GraphDirectory, relativeToVersion } from '../../src/data/graph/graphDirectory';
import type { GraphLike } from '../../src/data/graph/graphLike';
import type { AudienceProgress } from '../../src/services/ports/directory';

// The audience read from the Graph emulator: paging at Graph's largest page, nested groups,
// leavers and guests left out, throttling waited out, refusals explained.

const guid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, '0')}`;
const person = (i: number, extra: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id: guid('5eed0000', i), upn: `member${i}@northshire.gov.uk`, displayName: `Member ${i}`, jobTitle: 'Officer',
  department: ['Housing', 'Libraries', 'Waste'][i % 3], accountEnabled: true, persona: 'staff', ...extra
});
// 2,500 people: three pages of 999. Every 100th has left (disabled).
const CROWD = Array.from({ length: 2500 }, (_, i) => person(i, { accountEnabled: i % 100 !== 0 }));
const TEAM = guid('9a0e0000', 1);
const OUTER = guid('9a0e0000', 2);
const COMMS = SEED_PEOPLE.find((p) => p.persona === 'comms')!;

let server: GraphTestServer;
beforeAll(async () => {
  server = await startGraphTestServer({
    directory: [...SEED_PEOPLE, ...CROWD],
    groups: [
      { id: TEAM, displayName: 'Waste team', memberIds: CROWD.slice(0, 30).map((p) => p.id) },
      // Nested, and a loop back to itself: each person counts once.
      { id: OUTER, displayName: 'Environment', memberIds: [TEAM, OUTER, SEED_PEOPLE[0].id, CROWD[0].id] }
    ]
  });
});
afterAll(() => server.close());
beforeEach(() => server.control('POST', '/faults', { reset: true }));

function directory() {
  const client = createWorkbenchGraphClient({ origin: server.origin, user: COMMS.upn, retry: { maxRetries: 0 } });
  const paths: string[] = [];
  const graph: GraphLike = { api: (p: string) => (paths.push(p), client.api(p)) };
  const sleeps: number[] = [];
  return { dir: new GraphDirectory(graph, { sleep: async (ms) => { sleeps.push(ms); } }), paths, sleeps };
}

it('reads every enabled member of the organisation in pages of 999, with the total known from the first page', async () => {
  const { dir, paths } = directory();
  const progress: AudienceProgress[] = [];
  const people = await dir.audience(undefined, (p) => progress.push(p));
  const enabled = [...SEED_PEOPLE, ...CROWD].filter((p) => p.accountEnabled);
  expect(people).toHaveLength(enabled.length);
  expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
  expect(people.find((p) => p.upn === 'member1@northshire.gov.uk')).toEqual({ id: CROWD[1].id, name: 'Member 1', upn: 'member1@northshire.gov.uk', mail: 'member1@northshire.gov.uk', department: 'Libraries' });
  expect(paths).toHaveLength(Math.ceil(enabled.length / 999));
  expect(paths.slice(1).every((p) => p.startsWith('/users?') && p.includes('skiptoken'))).toBe(true);
  expect(progress.map((p) => p.total)).toEqual(paths.map(() => enabled.length));
  expect(progress.at(-1)!.loaded).toBe(enabled.length);
});

it('reads a group transitively, each person once, leaving out people who have left', async () => {
  const { dir } = directory();
  const people = await dir.audience(OUTER);
  // 30 in the nested team (one of them, member 0, disabled) plus Sam Patel.
  expect(people).toHaveLength(30);
  expect(people.some((p) => p.id === CROWD[0].id)).toBe(false);
  expect(people.some((p) => p.id === SEED_PEOPLE[0].id)).toBe(true);
  expect(await dir.groupName(OUTER)).toBe('Environment');
  expect(await dir.groupName(guid('9a0e0000', 99))).toBeUndefined();
});

it("waits out throttling for Graph's Retry-After and then carries on", async () => {
  await server.control('POST', '/faults', { throttleNextRead: 2, retryAfter: 7 });
  const { dir, sleeps } = directory();
  const people = await dir.audience(TEAM);
  expect(people).toHaveLength(29);
  expect(sleeps).toEqual([7000, 7000]);
});

it('refuses with a message that says what to do: missing permission, a group id that is not one', async () => {
  await server.control('POST', '/faults', { grantedScopes: ['User.Read.All'] });
  await expect(directory().dir.audience(TEAM)).rejects.toMatchObject({ kind: 'forbidden', message: expect.stringContaining('GroupMember.Read.All') });
  await expect(directory().dir.audience('All staff')).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('not a group id') });
});

it('follows a nextLink from any host as a path below the version root', () => {
  expect(relativeToVersion('https://graph.microsoft.com/v1.0/users?$top=999&$skiptoken=X')).toBe('/users?$top=999&$skiptoken=X');
  expect(relativeToVersion('http://127.0.0.1:4000/v1.0/groups/g/transitiveMembers/microsoft.graph.user?$skiptoken=Y')).toBe('/groups/g/transitiveMembers/microsoft.graph.user?$skiptoken=Y');
  expect(() => relativeToVersion('https://example.org/elsewhere')).toThrow(/cannot follow/);
});
