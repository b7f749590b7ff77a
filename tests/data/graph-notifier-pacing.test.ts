// The bulk call's pacing (GraphNotifier's bulkIntervalMs) against the Graph emulator: a large
// fan-out waits between bulk calls instead of running into Graph's per-app limit, and a sender who
// does not ask for pacing never waits.
import { GraphNotifier } from '../../src/data/graph/graphNotifier';
import { TEAMS_APP_ID } from '../../src/data/graph/teamsApp';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { SEED_PEOPLE, type DirectoryUser } from '../../workbench/emulator/directory';
import { startGraphTestServer, type GraphTestServer } from '../support/graph-server';

const CROWD: DirectoryUser[] = Array.from({ length: 250 }, (_, i) => ({
  id: `0c0ffee1-0000-4000-8000-${String(i).padStart(12, '0')}`, upn: `paced${i}@northshire.gov.uk`, displayName: `Paced ${i}`,
  jobTitle: 'Officer', department: 'Housing', accountEnabled: true, persona: 'staff'
}));
const COMMS = SEED_PEOPLE.find((p) => p.persona === 'comms')!;

let server: GraphTestServer;
beforeAll(async () => { server = await startGraphTestServer({ directory: [...SEED_PEOPLE, ...CROWD], activityBudget: null }); });
afterAll(() => server.close());

async function send(bulkIntervalMs?: number): Promise<{ sleeps: number[]; sent: number }> {
  const sleeps: number[] = [];
  const graph = createWorkbenchGraphClient({ origin: server.origin, user: COMMS.upn, retry: { maxRetries: 0, delaySeconds: 0 } });
  const notifier = new GraphNotifier(graph, { teamsAppId: TEAMS_APP_ID, fallbackBaseUrl: 'https://example.org/hub', bulkIntervalMs, sleep: async (ms) => { sleeps.push(ms); } });
  const results = await notifier.notify({
    activityType: 'emergencyRolesAnnounced', recipients: CROWD.map((p) => p.id), known: CROWD.map((p) => ({ id: p.id, name: p.displayName })),
    previewText: 'You hold a role.', templateParameters: { roleCount: '5' }, deepLink: { pageId: 'emergency', label: 'Emergency plan' }
  });
  return { sleeps, sent: results.filter((r) => r.status === 'sent').length };
}

it('waits the given time between bulk calls (250 people: three calls, two waits)', async () => {
  expect(await send(500)).toEqual({ sleeps: [500, 500], sent: 250 });
});

it('does not wait when no pacing is asked for', async () => {
  expect(await send()).toEqual({ sleeps: [], sent: 250 });
});
