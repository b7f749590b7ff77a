// The Graph emulator's users, channel messages and JSON batching on the wire.
import { BatchRequestContent } from '@microsoft/microsoft-graph-client';
import { useGraphServer, type GraphTestServer } from '../support/graph-server';
import { COMMS, EMERGENCY, HEAD, LEAVER, STAFF, TEAM_ID, activity, call } from './graph-support';

const current = useGraphServer();
let server: GraphTestServer;
beforeEach(() => { server = current(); });

describe('users', () => {
  it('GET /me is the caller, with @odata.context on the emulator origin', async () => {
    const res = await call(server.origin, STAFF.upn, 'GET', '/v1.0/me');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: STAFF.id, userPrincipalName: STAFF.upn, displayName: 'Sam Patel', jobTitle: 'Housing Officer' });
    expect(res.body['@odata.context']).toBe(`${server.origin}/v1.0/$metadata#users/$entity`);
    expect(res.body).not.toHaveProperty('accountEnabled');
  });

  it('GET /users/{id|upn} finds people, 404 Request_ResourceNotFound otherwise', async () => {
    expect((await call(server.origin, STAFF.upn, 'GET', `/v1.0/users/${HEAD.id}`)).body.displayName).toBe('Hannah Lewis');
    expect((await call(server.origin, STAFF.upn, 'GET', `/beta/users/${HEAD.upn.toUpperCase()}`)).body.id).toBe(HEAD.id);
    const missing = await call(server.origin, STAFF.upn, 'GET', '/v1.0/users/nobody@northshire.gov.uk');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('filters disabled accounts and honours $select', async () => {
    const res = await call(server.origin, STAFF.upn, 'GET', `/v1.0/users?$filter=${encodeURIComponent('accountEnabled eq false')}&$select=id,displayName,accountEnabled`);
    expect(res.body.value).toEqual([{ id: LEAVER.id, displayName: LEAVER.displayName, accountEnabled: false }]);
    const bad = await call(server.origin, STAFF.upn, 'GET', '/v1.0/users?$select=shoeSize');
    expect(bad.status).toBe(400);
    const unsupported = await call(server.origin, STAFF.upn, 'GET', `/v1.0/users?$filter=${encodeURIComponent("length(displayName) gt 3")}`);
    expect(unsupported.body.error.code).toBe('Request_UnsupportedQuery');
  });

  it('reads accountEnabled only with User.Read.All: User.ReadBasic.All is refused beyond the basic profile', async () => {
    await server.control('POST', '/faults', { grantedScopes: ['User.ReadBasic.All'] });
    const selected = await call(server.origin, STAFF.upn, 'GET', `/v1.0/users/${LEAVER.id}?$select=id,displayName,accountEnabled`);
    expect(selected.status).toBe(403);
    expect(selected.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    const filtered = await call(server.origin, STAFF.upn, 'GET', `/v1.0/users?$filter=${encodeURIComponent('accountEnabled eq false')}`);
    expect(filtered.status).toBe(403);
    expect(filtered.body.error.code).toBe('Authorization_RequestDenied');
    // The basic profile is fine, and so is the caller's own full profile.
    const basic = await call(server.origin, STAFF.upn, 'GET', `/v1.0/users/${LEAVER.id}?$select=id,displayName`);
    expect(basic.body).toMatchObject({ id: LEAVER.id, displayName: LEAVER.displayName });
    const own = await call(server.origin, STAFF.upn, 'GET', `/v1.0/users/${STAFF.id}?$select=id,accountEnabled`);
    expect(own.body).toMatchObject({ id: STAFF.id, accountEnabled: true });
    await server.control('POST', '/faults', { grantedScopes: ['User.Read.All'] });
    expect((await call(server.origin, STAFF.upn, 'GET', `/v1.0/users/${LEAVER.id}?$select=id,displayName,accountEnabled`)).body.accountEnabled).toBe(false);
  });

  it('pages with an absolute @odata.nextLink that carries the query forward', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${server.origin}/v1.0/users?$top=3&$select=id`;
    let pages = 0;
    while (url) {
      expect(url.startsWith(server.origin)).toBe(true);
      const res = await call(server.origin, STAFF.upn, 'GET', url.slice(server.origin.length));
      seen.push(...res.body.value.map((u: { id: string }) => u.id));
      expect(Object.keys(res.body.value[0])).toEqual(['id']);
      url = res.body['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('answers $count only with ConsistencyLevel: eventual, as Graph does for directory objects', async () => {
    const refused = await call(server.origin, STAFF.upn, 'GET', '/v1.0/users?$count=true&$top=2');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'Request_BadRequest', message: '$count is not currently supported.' });
    const counted = await call(server.origin, STAFF.upn, 'GET', '/v1.0/users?$count=true&$top=2', undefined, { ConsistencyLevel: 'eventual' });
    expect(counted.body['@odata.count']).toBe(7);
    expect(counted.body.value).toHaveLength(2);
  });
});

describe('groups', () => {
  const ALL_STAFF = '3c9e2b7a-4d1f-4a8e-b6c5-100000000001';
  const NESTING = '3c9e2b7a-4d1f-4a8e-b6c5-100000000003';

  it('lists members transitively (nested groups flattened) with the user cast', async () => {
    const res = await call(server.origin, COMMS.upn, 'GET', `/v1.0/groups/${NESTING}/transitiveMembers/microsoft.graph.user?$select=displayName`);
    expect(res.status).toBe(200);
    expect(res.body.value.map((u: { displayName: string }) => u.displayName).sort()).toEqual(['Ben Hughes', 'Olivia Reed', 'Sam Patel']);
    const all = await call(server.origin, COMMS.upn, 'GET', `/v1.0/groups/${ALL_STAFF}/transitiveMembers/microsoft.graph.user?$select=id,accountEnabled&$top=5`);
    expect(all.body.value).toHaveLength(5);
    expect(all.body['@odata.nextLink']).toContain(`/v1.0/groups/${ALL_STAFF}/transitiveMembers/microsoft.graph.user?`);
  });

  it('needs a group scope, answers 404 for an unknown group and 400 for a cast to a type it cannot list', async () => {
    const unknown = await call(server.origin, COMMS.upn, 'GET', '/v1.0/groups/3c9e2b7a-4d1f-4a8e-b6c5-0000000000ff/transitiveMembers/microsoft.graph.user');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('Request_ResourceNotFound');
    const cast = await call(server.origin, COMMS.upn, 'GET', `/v1.0/groups/${ALL_STAFF}/transitiveMembers/microsoft.graph.device`);
    expect(cast.body.error.code).toBe('Request_UnsupportedQuery');
    await server.control('POST', '/faults', { grantedScopes: ['User.Read.All'] });
    const denied = await call(server.origin, COMMS.upn, 'GET', `/v1.0/groups/${ALL_STAFF}/transitiveMembers/microsoft.graph.user`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('GroupMember.Read.All');
    expect((await call(server.origin, COMMS.upn, 'GET', `/v1.0/groups/${ALL_STAFF}`)).status).toBe(403);
  });

  it('reads a group by id with $select', async () => {
    const res = await call(server.origin, COMMS.upn, 'GET', `/v1.0/groups/${ALL_STAFF}?$select=id,displayName`);
    expect(res.body).toMatchObject({ id: ALL_STAFF, displayName: 'All Northshire staff' });
    expect(Object.keys(res.body).filter((k) => !k.startsWith('@'))).toEqual(['id', 'displayName']);
  });
});

describe('channel messages', () => {
  const card = JSON.stringify({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Emergency roles' }] });
  const message = (content: string, attachments: unknown[]) => ({ body: { contentType: 'html', content }, attachments });
  const post = (body: unknown) => call(server.origin, COMMS.upn, 'POST', `/v1.0/teams/${TEAM_ID}/channels/${encodeURIComponent(EMERGENCY)}/messages`, body);

  it('posts an Adaptive Card (201) and shows it in the outbox', async () => {
    const res = await post(message('<attachment id="c1"></attachment>', [{ id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', content: card }]));
    expect(res.status).toBe(201);
    expect(res.body.from.user.displayName).toBe(COMMS.displayName);
    expect(res.body['@odata.context']).toContain('/messages/$entity');
    const outbox = await server.control<any>('GET', '/outbox');
    expect(outbox.channelMessages).toHaveLength(1);
    expect(outbox.channelMessages[0]).toMatchObject({ teamId: TEAM_ID, channelId: EMERGENCY });
  });

  it.each([
    ['an attachment not referenced in the body', message('<p>hi</p>', [{ id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', content: card }])],
    ['a body tag without its attachment', message('<attachment id="c2"></attachment>', [])],
    ['card content as an object instead of a JSON string', message('<attachment id="c1"></attachment>', [{ id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.parse(card) }])],
    ['card content that is not an AdaptiveCard', message('<attachment id="c1"></attachment>', [{ id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', content: '{"type":"Hero"}' }])]
  ])('refuses %s with 400', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
  });

  it('404s an unknown channel and needs ChannelMessage.Read.All to list', async () => {
    expect((await call(server.origin, COMMS.upn, 'POST', `/v1.0/teams/${TEAM_ID}/channels/19:nope@thread.tacv2/messages`, message('x', []))).status).toBe(404);
    const path = `/v1.0/teams/${TEAM_ID}/channels/${encodeURIComponent(EMERGENCY)}/messages`;
    expect((await call(server.origin, COMMS.upn, 'GET', path)).status).toBe(403);
    await post(message('plain words', []));
    await server.control('POST', '/faults', { grantedScopes: ['ChannelMessage.Read.All'] });
    const list = await call(server.origin, COMMS.upn, 'GET', path);
    expect(list.status).toBe(200);
    expect(list.body.value.map((m: any) => m.body.content)).toEqual(['plain words']);
  });
});

describe('$batch', () => {
  const batch = (requests: unknown[]) => call(server.origin, STAFF.upn, 'POST', '/v1.0/$batch', { requests });
  const notify = (id: string, recipient: string, extra: Record<string, unknown> = {}) => ({
    id,
    method: 'POST',
    url: `/users/${recipient}/teamwork/sendActivityNotification`,
    headers: { 'Content-Type': 'application/json' },
    body: activity(),
    ...extra
  });

  it('runs parts like standalone requests, answering 200 with every part', async () => {
    const res = await batch([{ id: '1', method: 'GET', url: '/me' }, notify('2', COMMS.upn), { id: '3', method: 'GET', url: '/users/nobody@x.org' }]);
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: any) => [r.id, r]));
    expect(byId['1'].status).toBe(200);
    expect(byId['1'].body.id).toBe(STAFF.id);
    expect(byId['2'].status).toBe(204);
    expect(byId['3'].status).toBe(404);
    expect(byId['3'].body.error.innerError['request-id']).toBeTruthy();
  });

  it('rejects a part URL that keeps /v1.0, which graph-client 3.0.7 BatchRequestContent produces', async () => {
    const content = await new BatchRequestContent([{ id: '1', request: new Request(`${server.origin}/v1.0/me`, { method: 'GET' }) }]).getContent();
    expect(content.requests[0].url).toBe('/v1.0/me');
    const res = await call(server.origin, STAFF.upn, 'POST', '/v1.0/$batch', content);
    expect(res.status).toBe(200);
    expect(res.body.responses[0].status).toBe(400);
    expect(res.body.responses[0].body.error.message).toBe("Resource not found for the segment 'v1.0'.");
  });

  it('refuses more than 20 parts with 400', async () => {
    const res = await batch(Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })));
    expect(res.status).toBe(400);
  });

  it('answers 424 for a part whose dependency failed', async () => {
    const res = await batch([notify('1', STAFF.upn), notify('2', HEAD.upn, { dependsOn: ['1'] })]);
    const byId = Object.fromEntries(res.body.responses.map((r: any) => [r.id, r]));
    expect(byId['1'].status).toBe(400); // self-notification
    expect(byId['2'].status).toBe(424);
    expect((await server.control<any>('GET', '/outbox')).notifications).toHaveLength(0);
  });

  it('throttles parts individually, each counting against the activity budget', async () => {
    await server.control('POST', '/faults', { activityBudget: { requests: 2, windowMs: 60_000 } });
    const res = await batch([notify('1', COMMS.upn), notify('2', HEAD.upn), notify('3', COMMS.upn), { id: '4', method: 'GET', url: '/me' }]);
    expect(res.status).toBe(200);
    expect(res.body.responses.map((r: any) => r.status)).toEqual([204, 204, 429, 200]);
    expect(Number(res.body.responses[2].headers['Retry-After'])).toBeGreaterThanOrEqual(1);
  });

  it('requires Content-Type on parts with a body', async () => {
    const res = await batch([notify('1', COMMS.upn, { headers: {} })]);
    expect(res.body.responses[0].status).toBe(400);
  });
});
