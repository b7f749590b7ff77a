// The Graph emulator's activity-notification endpoints on the wire: validation against the Teams
// manifest, the simulated feed, bulk sending, throttling and the fault switches.
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { startGraphTestServer, useGraphServer, type GraphTestServer } from '../support/graph-server';
import { APP_ID, BACKUP, COMMS, HEAD, LEAVER, OWNER, STAFF, activity, call } from './graph-support';

const current = useGraphServer();
let server: GraphTestServer;
beforeEach(() => { server = current(); });

const sendTo = (recipient: string, body: unknown, sender = STAFF.upn) =>
  call(server.origin, sender, 'POST', `/v1.0/users/${encodeURIComponent(recipient)}/teamwork/sendActivityNotification`, body);

describe('authentication and error shape', () => {
  it('answers 401 InvalidAuthenticationToken without a user, Graph-shaped, echoing client-request-id', async () => {
    const res = await call(server.origin, undefined, 'GET', '/v1.0/me', undefined, { 'client-request-id': 'abc-123' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidAuthenticationToken');
    expect(res.body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(res.body.error.innerError['client-request-id']).toBe('abc-123');
    expect(res.headers.get('client-request-id')).toBe('abc-123');
  });

  it('lets the control plane through without a user', async () => {
    const res = await call(server.origin, undefined, 'GET', '/__emulator/graph/outbox');
    expect(res.status).toBe(200);
    expect(res.body.notifications).toEqual([]);
  });
});

describe('POST /users/{id|upn}/teamwork/sendActivityNotification', () => {
  it('delivers to the feed with the manifest template rendered (204)', async () => {
    const res = await sendTo(COMMS.upn, activity());
    expect(res.status).toBe(204);
    const feed = await server.control<any>('GET', `/feed?user=${COMMS.upn}`);
    expect(feed.value).toHaveLength(1);
    expect(feed.value[0]).toMatchObject({
      activityType: 'approvalRequired',
      text: 'Sam Patel asks you to review the request Libraries Instagram',
      previewText: 'Sam asks for a new Instagram account',
      read: false
    });
    expect(feed.value[0].webUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    expect((await server.control<any>('GET', `/feed?user=${HEAD.upn}`)).value).toHaveLength(0);
  });

  it('accepts the recipient by object id and lists the feed newest first', async () => {
    await sendTo(COMMS.id, activity({ templateParameters: [{ name: 'requestTitle', value: 'first' }] }));
    await sendTo(COMMS.id, activity({ templateParameters: [{ name: 'requestTitle', value: 'second' }] }));
    const feed = await server.control<any>('GET', `/feed?user=${COMMS.upn}`);
    expect(feed.value.map((n: any) => n.text)).toEqual([
      'Sam Patel asks you to review the request second',
      'Sam Patel asks you to review the request first'
    ]);
  });

  it.each([
    ['an undeclared activity type', { activityType: 'somethingElse' }, /not declared/],
    ['a preview over 150 characters', { previewText: { content: 'x'.repeat(151) } }, /150/],
    ['a missing template parameter', { templateParameters: [] }, /requestTitle/],
    ['a webUrl outside Teams', { topic: { source: 'text', value: 'x', webUrl: 'https://example.org/x' } }, /deep link/],
    ['an unknown topic source', { topic: { source: 'url', value: 'x' } }, /topic source/],
    ['another Teams app id', { teamsAppId: '11111111-2222-4333-8444-555555555555' }, /not installed/]
  ])('refuses %s with 400 BadRequest', async (_name, override, message) => {
    const res = await sendTo(COMMS.upn, activity(override));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.body.error.message).toMatch(message);
    expect((await server.control<any>('GET', '/outbox')).notifications).toHaveLength(0);
  });

  it('refuses self-notification, disabled and unknown recipients, and delivers nothing', async () => {
    const self = await sendTo(STAFF.upn, activity());
    expect(self.status).toBe(400);
    expect(self.body.error).toMatchObject({ code: 'BadRequest', message: 'Recipient cannot be the sender.' });
    const disabled = await sendTo(LEAVER.upn, activity());
    expect(disabled.status).toBe(400);
    expect(disabled.body.error.code).toBe('BadRequest');
    const unknown = await sendTo('nobody@northshire.gov.uk', activity());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('Request_ResourceNotFound');
    expect((await server.control<any>('GET', '/outbox')).notifications).toHaveLength(0);
  });

  it("answers 403 Forbidden, Graph's wording, for a recipient the Teams app is not installed for", async () => {
    const res = await sendTo(BACKUP.upn, activity());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('Forbidden');
    expect(res.body.error.message).toBe(
      `Application with AAD App Id '00000000-0000-0000-0000-000000000000' is not authorized to generate custom text notifications about '/v1.0/users/${BACKUP.upn}/teamwork/sendActivityNotification' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).`
    );
    const feed = await server.control<any>('GET', `/feed?user=${BACKUP.upn}`);
    expect(feed).toMatchObject({ teamsAppInstalled: false, value: [] });
  });

  it('lets the control plane install the app for a person (and take it away again)', async () => {
    const before = await server.control<any>('GET', '/installations');
    expect(before.value.filter((p: any) => !p.installed).map((p: any) => p.upn)).toEqual([BACKUP.upn]);
    await server.control('POST', '/installations', { user: BACKUP.upn, installed: true });
    expect((await sendTo(BACKUP.upn, activity())).status).toBe(204);
    await server.control('POST', '/installations', { user: OWNER.id, installed: false });
    expect((await sendTo(OWNER.upn, activity())).status).toBe(403);
    await server.control('POST', '/installations', { reset: true });
    expect((await sendTo(OWNER.upn, activity())).status).toBe(204);
    expect((await sendTo(BACKUP.upn, activity())).status).toBe(403);
    const unknown = await call(server.origin, undefined, 'POST', '/__emulator/graph/installations', { user: 'nobody@northshire.gov.uk', installed: true });
    expect(unknown.status).toBe(404);
  });

  it('accepts the reserved systemDefault type only with systemDefaultText', async () => {
    expect((await sendTo(OWNER.upn, activity({ activityType: 'systemDefault', templateParameters: [] }))).status).toBe(400);
    const ok = await sendTo(OWNER.upn, activity({ activityType: 'systemDefault', templateParameters: [{ name: 'systemDefaultText', value: 'Plain words' }] }));
    expect(ok.status).toBe(204);
    expect((await server.control<any>('GET', `/feed?user=${OWNER.upn}`)).value[0].text).toBe('Plain words');
  });

  it('answers 403 Forbidden when the token lacks TeamsActivity.Send', async () => {
    await server.control('POST', '/faults', { grantedScopes: ['User.ReadBasic.All'] });
    const res = await sendTo(COMMS.upn, activity());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('Forbidden');
  });

  it('marks a feed item read', async () => {
    await sendTo(COMMS.upn, activity());
    const [item] = (await server.control<any>('GET', `/feed?user=${COMMS.upn}`)).value;
    await server.control('POST', `/feed/${item.id}/read`);
    const feed = await server.control<any>('GET', `/feed?user=${COMMS.upn}`);
    expect(feed.value[0].read).toBe(true);
    expect(feed.unread).toBe(0);
  });
});

describe('POST /teamwork/sendActivityNotificationToRecipients', () => {
  const recipients = (ids: string[]) => ids.map((userId) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId }));
  const bulk = (ids: string[], sender = COMMS.upn) => call(server.origin, sender, 'POST', '/v1.0/teamwork/sendActivityNotificationToRecipients', { ...activity(), recipients: recipients(ids) });

  it('answers 202 with a Location and no body, delivers to each reachable recipient and silently drops the rest', async () => {
    const res = await bulk([HEAD.id, OWNER.id, LEAVER.id, COMMS.id, BACKUP.id, '00000000-0000-4000-8000-000000000999']);
    expect(res.status).toBe(202);
    // Nothing per recipient: the sender cannot tell who was dropped.
    expect(res.body).toBeUndefined();
    expect(res.headers.get('location')).toMatch(new RegExp(`^${server.origin}/v1.0/teamwork/`));
    const outbox = await server.control<any>('GET', '/outbox');
    expect(outbox.notifications.map((n: any) => n.recipientUpn).sort()).toEqual([HEAD.upn, OWNER.upn].sort());
    expect(outbox.notifications.every((n: any) => n.via === 'bulk')).toBe(true);
    expect(outbox.droppedRecipients.map((d: any) => d.reason).sort()).toEqual(['appNotInstalled', 'disabled', 'notFound', 'self']);
  });

  it('refuses more than 100 recipients with 400 and sends nothing; 100 is accepted', async () => {
    const res = await bulk(Array.from({ length: 101 }, () => HEAD.id));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.body.error.message).toMatch(/100/);
    expect((await server.control<any>('GET', '/outbox')).notifications).toHaveLength(0);
    expect((await bulk(Array.from({ length: 100 }, () => HEAD.id))).status).toBe(202);
  });

  it('answers 412 while the token expires within 45 minutes (fault switch)', async () => {
    await server.control('POST', '/faults', { tokenExpiringSoon: true });
    const res = await bulk([HEAD.id]);
    expect(res.status).toBe(412);
    expect(res.body.error.code).toBe('PreconditionFailed');
    expect((await server.control<any>('GET', '/outbox')).notifications).toHaveLength(0);
    // The single-user endpoint is unaffected.
    expect((await sendTo(HEAD.upn, activity())).status).toBe(204);
  });
});

describe('throttling and faults', () => {
  it('throttles activity notifications over the per-app budget with 429, Retry-After and the Graph body', async () => {
    await server.control('POST', '/faults', { activityBudget: { requests: 2, windowMs: 60_000 } });
    expect((await sendTo(COMMS.upn, activity())).status).toBe(204);
    expect((await sendTo(HEAD.upn, activity())).status).toBe(204);
    const third = await sendTo(OWNER.upn, activity());
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(third.body.error).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.' });
    expect(third.body.error.innerError).toMatchObject({ code: '429', status: '429' });
    // Reads are not activity notifications and stay unthrottled.
    expect((await call(server.origin, STAFF.upn, 'GET', '/v1.0/me')).status).toBe(200);
  });

  it('throttleNext and failNext answer the next send operations, then recover', async () => {
    await server.control('POST', '/faults', { throttleNext: 1, retryAfter: 9, failNext: 1 });
    const first = await sendTo(COMMS.upn, activity());
    expect(first.status).toBe(500);
    const second = await sendTo(COMMS.upn, activity());
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('9');
    expect((await sendTo(COMMS.upn, activity())).status).toBe(204);
  });

  it('keeps the feed across a restart (same persistent state)', async () => {
    const state: Record<string, unknown> = {};
    const first = await startGraphTestServer({ state });
    await call(first.origin, STAFF.upn, 'POST', `/v1.0/users/${COMMS.upn}/teamwork/sendActivityNotification`, activity());
    await first.close();
    const second = await startGraphTestServer({ state });
    try {
      const feed = await second.control<any>('GET', `/feed?user=${COMMS.upn}`);
      expect(feed.value).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('knows the app id from teams/manifest.json', async () => {
    const res = await sendTo(COMMS.upn, activity({ teamsAppId: APP_ID }));
    expect(res.status).toBe(204);
  });
});

describe('topics as the Graph docs define them (through the Graph SDK)', () => {
  const sdk = (upn = STAFF.upn) => createWorkbenchGraphClient({ origin: server.origin, user: upn, retry: { maxRetries: 0, delaySeconds: 0 } });
  const failure = async (p: Promise<unknown>): Promise<{ statusCode: number; code: string; message: string }> => {
    try { await p; } catch (e) { return e as { statusCode: number; code: string; message: string }; }
    throw new Error('expected the call to fail');
  };
  const recipients = [{ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: HEAD.id }];
  const catalogApp = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${APP_ID}`;
  const installation = `https://graph.microsoft.com/v1.0/users/${COMMS.id}/teamwork/installedApps/${APP_ID}-install`;

  it('accepts a text topic linking to any Teams page, not only /l/entity/', async () => {
    const topic = { source: 'text', value: 'Thread', webUrl: 'https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1605223780000' };
    await sdk().api(`/users/${COMMS.upn}/teamwork/sendActivityNotification`).post(activity({ topic }));
    expect((await server.control<any>('GET', `/feed?user=${COMMS.upn}`)).value[0].webUrl).toBe(topic.webUrl);
  });

  it('takes an app installation or catalog app as the entityUrl topic of a single-user notification, nothing else', async () => {
    const send = (value: string) => sdk().api(`/users/${COMMS.upn}/teamwork/sendActivityNotification`).post(activity({ topic: { source: 'entityUrl', value } }));
    await send(installation);
    await send(catalogApp);
    const err = await failure(send(`https://graph.microsoft.com/v1.0/users/${COMMS.id}`));
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe('BadRequest');
    expect(err.message).toMatch(/teamsAppInstallation/);
    expect((await server.control<any>('GET', `/feed?user=${COMMS.upn}`)).value).toHaveLength(2);
  });

  it('takes only the catalog app as the entityUrl topic of the bulk call', async () => {
    const bulk = (value: string) => sdk(COMMS.upn).api('/teamwork/sendActivityNotificationToRecipients')
      .post({ ...activity({ topic: { source: 'entityUrl', value } }), recipients });
    const err = await failure(bulk(installation));
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/teamsCatalogApp/);
    expect((await server.control<any>('GET', '/outbox')).notifications).toHaveLength(0);
    await bulk(catalogApp);
    expect((await server.control<any>('GET', `/feed?user=${HEAD.upn}`)).value).toHaveLength(1);
  });
});
