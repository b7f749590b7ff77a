// The real GraphNotifier with the real Graph SDK client (workbench middleware chain) against the
// real Graph emulator over loopback HTTP.
import type { ActivityNotification } from '../../src/services/ports/notifier';
import { GraphNotifier } from '../../src/data/graph/graphNotifier';
import { parseDeepLink } from '../../src/data/graph/deepLinks';
import type { GraphLike } from '../../src/data/graph/graphLike';
import { TEAMS_APP_ID } from '../../src/data/graph/teamsApp';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { SEED_PEOPLE, type DirectoryUser } from '../../workbench/emulator/directory';
import { startGraphTestServer, type GraphTestServer } from '../support/graph-server';

const who = (persona: string) => SEED_PEOPLE.find((p) => p.persona === persona)!;
const STAFF = who('staff');
const COMMS = who('comms');
const HEAD = who('commsHead');
const OWNER = who('owner');
const LEAVER = who('leaver');
const FALLBACK = 'https://northshire.sharepoint.com/sites/social/SitePages/Hub.aspx';

// 250 extra colleagues for the fan-out test, with GUID ids as Entra gives them.
const CROWD: DirectoryUser[] = Array.from({ length: 250 }, (_, i) => ({
  id: `0c0ffee0-0000-4000-8000-${String(i).padStart(12, '0')}`,
  upn: `person${i}@northshire.gov.uk`,
  displayName: `Person ${i}`,
  jobTitle: 'Officer',
  department: 'Housing',
  accountEnabled: true,
  persona: 'staff'
}));

let server: GraphTestServer;
beforeAll(async () => {
  server = await startGraphTestServer({ directory: [...SEED_PEOPLE, ...CROWD] });
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.control('POST', '/faults', { reset: true });
  await server.control('DELETE', '/outbox');
});

/** Wraps the client to record which Graph paths were called, without changing behaviour. */
function recording(graph: GraphLike): { graph: GraphLike; paths: string[] } {
  const paths: string[] = [];
  return { paths, graph: { api: (path: string) => (paths.push(path), graph.api(path)) } };
}

function setup(opts: { sender?: string; maxRetries?: number; origin?: string } = {}) {
  const client = createWorkbenchGraphClient({ origin: opts.origin ?? server.origin, user: opts.sender ?? STAFF.upn, retry: { maxRetries: opts.maxRetries ?? 0, delaySeconds: 0 } });
  const { graph, paths } = recording(client);
  const sleeps: number[] = [];
  const notifier = new GraphNotifier(graph, {
    teamsAppId: TEAMS_APP_ID,
    fallbackBaseUrl: FALLBACK,
    sleep: async (ms) => {
      sleeps.push(ms);
    }
  });
  return { notifier, paths, sleeps };
}

function notification(recipients: string[], overrides: Partial<ActivityNotification> = {}): ActivityNotification {
  return {
    activityType: 'approvalRequired',
    recipients,
    previewText: 'Sam Patel asks for a Libraries Instagram account',
    templateParameters: { requestTitle: 'Libraries Instagram' },
    deepLink: { pageId: 'requests', subPageId: '42', label: 'Request 42' },
    ...overrides
  };
}

const outbox = () => server.control<any>('GET', '/outbox');
const bulkCalls = (paths: string[]) => paths.filter((p) => p === '/teamwork/sendActivityNotificationToRecipients').length;
const userCalls = (paths: string[]) => paths.filter((p) => p.endsWith('/teamwork/sendActivityNotification')).length;

it('sends 250 recipients in 3 bulk calls and every one reaches the feed', async () => {
  const { notifier, paths } = setup();
  const results = await notifier.notify(notification(CROWD.map((p) => p.id)));
  expect(bulkCalls(paths)).toBe(3);
  expect(userCalls(paths)).toBe(0);
  expect(results).toHaveLength(250);
  expect(results.every((r) => r.status === 'delivered')).toBe(true);
  const box = await outbox();
  expect(box.notifications).toHaveLength(250);
  expect(new Set(box.notifications.map((n: any) => n.recipientId)).size).toBe(250);
  expect(box.notifications.every((n: any) => n.via === 'bulk' && n.teamsAppId === TEAMS_APP_ID)).toBe(true);
});

it('looks UPNs up with one $batch and still sends them in bulk', async () => {
  const { notifier, paths } = setup();
  const results = await notifier.notify(notification([COMMS.upn, HEAD.upn, 'nobody@northshire.gov.uk']));
  expect(paths.filter((p) => p === '/$batch')).toHaveLength(1);
  expect(bulkCalls(paths)).toBe(1);
  expect(results).toEqual([
    { recipient: COMMS.upn, status: 'delivered' },
    { recipient: HEAD.upn, status: 'delivered' },
    { recipient: 'nobody@northshire.gov.uk', status: 'failed', reason: 'notFound' }
  ]);
});

it('falls back to one call per user when the bulk call answers 412 (token expiring)', async () => {
  await server.control('POST', '/faults', { tokenExpiringSoon: true });
  const { notifier, paths } = setup();
  const results = await notifier.notify(notification([COMMS.id, HEAD.id, OWNER.id]));
  expect(bulkCalls(paths)).toBe(1);
  expect(userCalls(paths)).toBe(3);
  expect(results.map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered']);
  const box = await outbox();
  expect(box.notifications.map((n: any) => n.via)).toEqual(['user', 'user', 'user']);
});

it('waits for Retry-After when throttled and then delivers', async () => {
  await server.control('POST', '/faults', { throttleNext: 2, retryAfter: 7 });
  const { notifier, sleeps } = setup();
  const results = await notifier.notify(notification([COMMS.id]));
  expect(sleeps).toEqual([7000, 7000]);
  expect(results).toEqual([{ recipient: COMMS.id, status: 'delivered' }]);
  expect((await outbox()).notifications).toHaveLength(1);
});

it("lets the SDK's RetryHandler absorb a short throttle on its own", async () => {
  await server.control('POST', '/faults', { throttleNext: 1, retryAfter: 0 });
  const { notifier, sleeps, paths } = setup({ maxRetries: 3 });
  const results = await notifier.notify(notification([COMMS.id]));
  expect(results[0].status).toBe('delivered');
  expect(sleeps).toEqual([]);
  expect(bulkCalls(paths)).toBe(1);
});

it('reports throttled with retryAfterSeconds when Graph keeps refusing, without throwing', async () => {
  await server.control('POST', '/faults', { throttleNext: 10, retryAfter: 4 });
  const { notifier, sleeps } = setup();
  const results = await notifier.notify(notification([COMMS.id, HEAD.id]));
  expect(results).toEqual([
    { recipient: COMMS.id, status: 'throttled', retryAfterSeconds: 4, reason: 'throttled' },
    { recipient: HEAD.id, status: 'throttled', retryAfterSeconds: 4, reason: 'throttled' }
  ]);
  expect(sleeps).toHaveLength(2); // 3 attempts, bounded
  expect((await outbox()).notifications).toHaveLength(0);
});

it('reports failed deliveries per recipient without throwing', async () => {
  await server.control('POST', '/faults', { tokenExpiringSoon: true });
  const { notifier } = setup();
  // Per-user path: the leaver is disabled (400), the sender cannot notify herself (400).
  const results = await notifier.notify(notification([COMMS.upn, LEAVER.upn, STAFF.upn]));
  expect(results).toEqual([
    { recipient: COMMS.upn, status: 'delivered' },
    { recipient: LEAVER.upn, status: 'failed', reason: 'validation' },
    { recipient: STAFF.upn, status: 'failed', reason: 'validation' }
  ]);
});

it('maps server errors, missing permission and no network to reason keys', async () => {
  await server.control('POST', '/faults', { failNext: 1 });
  expect(await setup().notifier.notify(notification([COMMS.id]))).toEqual([{ recipient: COMMS.id, status: 'failed', reason: 'server' }]);

  await server.control('POST', '/faults', { grantedScopes: ['User.ReadBasic.All'] });
  expect(await setup().notifier.notify(notification([COMMS.id]))).toEqual([{ recipient: COMMS.id, status: 'failed', reason: 'forbidden' }]);

  const closed = await startGraphTestServer();
  const origin = closed.origin;
  await closed.close();
  expect(await setup({ origin }).notifier.notify(notification([COMMS.id]))).toEqual([{ recipient: COMMS.id, status: 'failed', reason: 'offline' }]);
});

it('posts the channel card as an Adaptive Card attachment visible in the outbox', async () => {
  const { notifier } = setup({ sender: COMMS.upn });
  const card = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Emergency roles for Storm Ciara' }] };
  const result = await notifier.postChannelCard({ teamId: 'a1b2c3d4-0000-4000-8000-00000000c0a1', channelId: '19:emergency@thread.tacv2', card, summary: 'Emergency roles announced' });
  expect(result.status).toBe('delivered');
  expect(result.messageId).toBeTruthy();
  const [stored] = (await outbox()).channelMessages;
  expect(stored.message.id).toBe(result.messageId);
  expect(stored.message.summary).toBe('Emergency roles announced');
  expect(JSON.parse(stored.message.attachments[0].content)).toEqual(card);

  const missing = await notifier.postChannelCard({ teamId: 'a1b2c3d4-0000-4000-8000-00000000c0a1', channelId: '19:nope@thread.tacv2', card, summary: 'x' });
  expect(missing).toEqual({ status: 'failed', reason: 'notFound' });
});

it('puts a deep link in the feed that parses back to the page and item', async () => {
  const { notifier } = setup();
  await notifier.notify(notification([COMMS.id], { deepLink: { pageId: 'policy', subPageId: '3', label: 'Policy v3' } }));
  const feed = await server.control<any>('GET', `/feed?user=${COMMS.upn}`);
  const link = parseDeepLink(feed.value[0].webUrl)!;
  expect(link).toMatchObject({ teamsAppId: TEAMS_APP_ID, entityId: 'hub', pageId: 'policy', subPageId: '3', label: 'Policy v3' });
  const fallback = new URL(link.webUrl!);
  expect(fallback.origin + fallback.pathname).toBe(FALLBACK);
  expect(fallback.searchParams.get('smh')).toBe('policy');
  expect(fallback.searchParams.get('item')).toBe('3');
});
