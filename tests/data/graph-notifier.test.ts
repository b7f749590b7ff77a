// The real GraphNotifier with the real Graph SDK client (workbench middleware chain) against the
// real Graph emulator over loopback HTTP: who it finds unreachable before sending, what it learns by
// sending one by one, and what it can only call "sent" when it sends in bulk.
import type { ActivityNotification } from '../../src/services/ports/notifier';
import { GraphNotifier, ONE_BY_ONE_LIMIT } from '../../src/data/graph/graphNotifier';
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
const BACKUP = who('backup'); // Ben Hughes: the seeded person without the Teams app
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
  await server.control('POST', '/installations', { reset: true });
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
const sentTo = (paths: string[], id: string) => paths.includes(`/users/${encodeURIComponent(id)}/teamwork/sendActivityNotification`);

describe('before sending: the directory says who cannot be reached', () => {
  it('names a disabled person and an unknown one as not reachable and sends them nothing', async () => {
    const { notifier, paths } = setup();
    const results = await notifier.notify(notification([COMMS.upn, LEAVER.upn, 'nobody@northshire.gov.uk']));
    expect(results).toEqual([
      { recipient: COMMS.upn, name: COMMS.displayName, status: 'sent', via: 'single' },
      { recipient: LEAVER.upn, name: 'Leah Ward', status: 'notReachable', reason: 'disabled' },
      { recipient: 'nobody@northshire.gov.uk', status: 'notReachable', reason: 'unknown' }
    ]);
    // One directory look-up for everyone, one send: nothing went to the leaver or the unknown address.
    expect(paths.filter((p) => p === '/$batch')).toHaveLength(1);
    expect(userCalls(paths)).toBe(1);
    expect(sentTo(paths, LEAVER.id) || sentTo(paths, LEAVER.upn)).toBe(false);
    expect((await outbox()).notifications.map((n: any) => n.recipientUpn)).toEqual([COMMS.upn]);
  });

  it('does not try to notify the sender, whom Graph would refuse', async () => {
    const { notifier, paths } = setup({ sender: COMMS.upn });
    const results = await notifier.notify(notification([COMMS.upn, HEAD.upn]));
    expect(results).toEqual([
      { recipient: COMMS.upn, name: COMMS.displayName, status: 'notReachable', reason: 'self' },
      { recipient: HEAD.upn, name: HEAD.displayName, status: 'sent', via: 'single' }
    ]);
    expect(sentTo(paths, COMMS.id)).toBe(false);
  });

  it('finds the disabled person among object ids too', async () => {
    const { notifier } = setup();
    const results = await notifier.notify(notification([LEAVER.id, OWNER.id]));
    expect(results.map((r) => [r.name, r.status, r.reason])).toEqual([['Leah Ward', 'notReachable', 'disabled'], [OWNER.displayName, 'sent', undefined]]);
  });
});

describe(`small audiences (≤ ${ONE_BY_ONE_LIMIT}): one call per person`, () => {
  it('names the person without the Teams app as not reachable, from the single send\'s 403', async () => {
    const { notifier, paths } = setup();
    const results = await notifier.notify(notification([OWNER.upn, BACKUP.upn]));
    expect(bulkCalls(paths)).toBe(0);
    expect(userCalls(paths)).toBe(2);
    expect(results).toEqual([
      { recipient: OWNER.upn, name: OWNER.displayName, status: 'sent', via: 'single' },
      { recipient: BACKUP.upn, name: 'Ben Hughes', status: 'notReachable', reason: 'appNotInstalled' }
    ]);
    expect((await server.control<any>('GET', `/feed?user=${BACKUP.upn}`)).value).toHaveLength(0);
  });

  it('sends once the app is installed for them', async () => {
    await server.control('POST', '/installations', { user: BACKUP.upn, installed: true });
    const results = await setup().notifier.notify(notification([BACKUP.upn]));
    expect(results).toEqual([{ recipient: BACKUP.upn, name: 'Ben Hughes', status: 'sent', via: 'single' }]);
    expect((await server.control<any>('GET', `/feed?user=${BACKUP.upn}`)).value).toHaveLength(1);
  });

  it(`uses single calls up to ${ONE_BY_ONE_LIMIT} people and the bulk call beyond`, async () => {
    await server.control('POST', '/faults', { activityBudget: null });
    const small = setup();
    await small.notifier.notify(notification(CROWD.slice(0, ONE_BY_ONE_LIMIT).map((p) => p.id)));
    expect([bulkCalls(small.paths), userCalls(small.paths)]).toEqual([0, ONE_BY_ONE_LIMIT]);
    const large = setup();
    await large.notifier.notify(notification(CROWD.slice(0, ONE_BY_ONE_LIMIT + 1).map((p) => p.id)));
    expect([bulkCalls(large.paths), userCalls(large.paths)]).toEqual([1, 0]);
  });
});

describe('large audiences: bulk, reported as sent and never as delivered', () => {
  it('sends 250 recipients in 3 bulk calls and says only that Graph took them', async () => {
    const { notifier, paths } = setup();
    const results = await notifier.notify(notification(CROWD.map((p) => p.id)));
    expect(bulkCalls(paths)).toBe(3);
    expect(userCalls(paths)).toBe(0);
    expect(results).toHaveLength(250);
    expect(results.every((r) => r.status === 'sent' && r.via === 'bulk')).toBe(true);
    const box = await outbox();
    expect(box.notifications).toHaveLength(250);
    expect(box.notifications.every((n: any) => n.via === 'bulk' && n.teamsAppId === TEAMS_APP_ID)).toBe(true);
  });

  it('sends to people the caller has just read from the directory without looking them up again: 250 reminders in 3 calls and /me', async () => {
    const { notifier, paths } = setup({ sender: COMMS.upn });
    const results = await notifier.notify(notification(CROWD.map((p) => p.id), {
      activityType: 'policyReminder', templateParameters: { policyVersion: '2.0' }, known: CROWD.map((p) => ({ id: p.id, name: p.displayName }))
    }));
    expect(paths.filter((p) => p === '/$batch')).toHaveLength(0);
    expect(bulkCalls(paths)).toBe(3);
    expect(paths).toHaveLength(4);
    expect(results.every((r) => r.status === 'sent' && r.via === 'bulk' && r.name === `Person ${CROWD.findIndex((c) => c.id === r.recipient)}`)).toBe(true);
    expect((await outbox()).notifications).toHaveLength(250);
  });

  it('reports the person without the app as sent in a bulk send: Graph drops them silently, so the hub cannot know', async () => {
    const { notifier } = setup();
    const audience = [BACKUP.upn, LEAVER.upn, ...CROWD.slice(0, 40).map((p) => p.id)];
    const results = await notifier.notify(notification(audience));
    expect(results[0]).toEqual({ recipient: BACKUP.upn, name: 'Ben Hughes', status: 'sent', via: 'bulk' });
    // The leaver is still found before sending, in bulk as in single sends.
    expect(results[1]).toMatchObject({ status: 'notReachable', reason: 'disabled' });
    const box = await outbox();
    expect(box.droppedRecipients).toEqual([expect.objectContaining({ userId: BACKUP.id, reason: 'appNotInstalled' })]);
    expect(box.notifications.some((n: any) => n.recipientId === BACKUP.id)).toBe(false);
    expect(JSON.stringify(results)).not.toMatch(/deliver/i);
  });

  it('falls back to one call per user when the bulk call answers 412 (token expiring)', async () => {
    await server.control('POST', '/faults', { tokenExpiringSoon: true, activityBudget: null });
    const { notifier, paths } = setup();
    const audience = [BACKUP.id, ...CROWD.slice(0, 30).map((p) => p.id)];
    const results = await notifier.notify(notification(audience));
    expect(bulkCalls(paths)).toBe(1);
    expect(userCalls(paths)).toBe(31);
    // Sent one by one after all, so this time the missing app is known.
    expect(results[0]).toMatchObject({ status: 'notReachable', reason: 'appNotInstalled' });
    expect(results.slice(1).every((r) => r.status === 'sent' && r.via === 'single')).toBe(true);
  });
});

describe('failures: retried after Graph\'s Retry-After, then reported as failed', () => {
  it('waits for Retry-After when throttled and then sends', async () => {
    await server.control('POST', '/faults', { throttleNext: 2, retryAfter: 7 });
    const { notifier, sleeps } = setup();
    const results = await notifier.notify(notification([COMMS.id]));
    expect(sleeps).toEqual([7000, 7000]);
    expect(results).toEqual([{ recipient: COMMS.id, name: COMMS.displayName, status: 'sent', via: 'single' }]);
    expect((await outbox()).notifications).toHaveLength(1);
  });

  it("lets the SDK's RetryHandler absorb a short throttle on its own", async () => {
    await server.control('POST', '/faults', { throttleNext: 1, retryAfter: 0 });
    const { notifier, sleeps, paths } = setup({ maxRetries: 3 });
    const results = await notifier.notify(notification([COMMS.id]));
    expect(results[0].status).toBe('sent');
    expect(sleeps).toEqual([]);
    expect(userCalls(paths)).toBe(1);
  });

  it('reports failed (throttled) with retryAfterSeconds when Graph keeps refusing, and stops calling', async () => {
    await server.control('POST', '/faults', { throttleNext: 10, retryAfter: 4 });
    const { notifier, sleeps, paths } = setup();
    const results = await notifier.notify(notification([COMMS.id, HEAD.id]));
    expect(results).toEqual([
      { recipient: COMMS.id, name: COMMS.displayName, status: 'failed', reason: 'throttled', retryAfterSeconds: 4 },
      { recipient: HEAD.id, name: HEAD.displayName, status: 'failed', reason: 'throttled', retryAfterSeconds: 4 }
    ]);
    expect(sleeps).toHaveLength(2); // 3 attempts, bounded
    expect(userCalls(paths)).toBe(3); // nothing more for the second person while Graph throttles
    expect((await outbox()).notifications).toHaveLength(0);
  });

  it('tells a missing permission apart from a missing app, and still names people without User.Read.All', async () => {
    await server.control('POST', '/faults', { grantedScopes: ['User.ReadBasic.All'] });
    const results = await setup().notifier.notify(notification([BACKUP.upn, 'nobody@northshire.gov.uk']));
    expect(results).toEqual([
      { recipient: BACKUP.upn, name: 'Ben Hughes', status: 'failed', reason: 'forbidden' },
      { recipient: 'nobody@northshire.gov.uk', status: 'notReachable', reason: 'unknown' }
    ]);
  });

  it('maps server errors and no network to reason keys', async () => {
    await server.control('POST', '/faults', { failNext: 1 });
    expect(await setup().notifier.notify(notification([COMMS.id]))).toEqual([{ recipient: COMMS.id, name: COMMS.displayName, status: 'failed', reason: 'server' }]);

    const closed = await startGraphTestServer();
    const origin = closed.origin;
    await closed.close();
    expect(await setup({ origin }).notifier.notify(notification([COMMS.id]))).toEqual([{ recipient: COMMS.id, status: 'failed', reason: 'offline' }]);
  });
});

it('posts the channel card as an Adaptive Card attachment visible in the outbox', async () => {
  const { notifier } = setup({ sender: COMMS.upn });
  const card = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Emergency roles for Storm Ciara' }] };
  const result = await notifier.postChannelCard({ teamId: 'a1b2c3d4-0000-4000-8000-00000000c0a1', channelId: '19:emergency@thread.tacv2', card, summary: 'Emergency roles announced' });
  expect(result.status).toBe('posted');
  expect(result.messageId).toBeTruthy();
  const [stored] = (await outbox()).channelMessages;
  expect(stored.message.id).toBe(result.messageId);
  expect(stored.message.summary).toBe('Emergency roles announced');
  expect(JSON.parse(stored.message.attachments[0].content)).toEqual(card);

  const missing = await notifier.postChannelCard({ teamId: 'a1b2c3d4-0000-4000-8000-00000000c0a1', channelId: '19:nope@thread.tacv2', card, summary: 'x' });
  expect(missing).toEqual({ status: 'failed', reason: 'validation' });
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
