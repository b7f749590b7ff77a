import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { RawRest } from '../matrix/rest';
import { startGraphTestServer, type GraphTestServer } from '../support/graph-server';
import { LISTS, fieldNames } from '../../src/data/schema';
import { SpEmergencyRoles } from '../../src/data/sp/emergencyRoles';
import { SpActivationLog } from '../../src/data/sp/activationLog';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { GraphNotifier } from '../../src/data/graph/graphNotifier';
import { GraphHolderDirectory } from '../../src/data/graph/holderDirectory';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { TEAMS_APP_ID } from '../../src/data/graph/teamsApp';
import { EmergencyPlanService } from '../../src/services/emergencyPlanService';
import type { RoleDraft } from '../../src/domain/emergency';

// The emergency plan through the real adapters: roles in SharePoint (the emulator), the directory,
// channel card and notifications in Graph (the emulator). Comms edit from the ETag they read; staff
// change nothing, whatever they send; an announcement posts the card, notifies every holder and
// logs it, also through a storm of 429s.

const F = fieldNames(LISTS.emergencyRoles);
const TEAM = 'a1b2c3d4-0000-4000-8000-00000000c0a1';
const CHANNEL = '19:emergency@thread.tacv2';
const TEXT = { title: 'Social media roles in the emergency plan', intro: 'Who does what.', person: 'Holder', backup: 'Backup', accounts: 'Accounts covered', none: 'Not filled', noAccounts: 'None named' };

let emu: Emulator;
let graph: GraphTestServer;
let rest: RawRest;
const sleeps: number[] = [];
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  // No per-second budget: the retries' sleeps are recorded, not slept, so a budget window would never pass.
  graph = await startGraphTestServer({ activityBudget: null });
  rest = new RawRest(emu);
});
afterAll(async () => { await emu?.close(); await graph?.close(); });

type Who = Parameters<typeof person>[0];
function service(who: Who, channel = { teamId: TEAM, channelId: CHANNEL }): EmergencyPlanService {
  const sp = spAs(emu, person(who).upn);
  const client = createWorkbenchGraphClient({ origin: graph.origin, user: person(who).upn, retry: { maxRetries: 0, delaySeconds: 0 } });
  const sleep = async (ms: number) => { sleeps.push(ms); };
  return new EmergencyPlanService(
    new SpEmergencyRoles(sp), new SpAccountsRepository(sp), new GraphHolderDirectory(client, { sleep }),
    new GraphNotifier(client, { teamsAppId: TEAMS_APP_ID, fallbackBaseUrl: 'https://example.org/hub', maxAttempts: 8, sleep }),
    new SpActivationLog(sp), new SpActivityLog(sp), channel, TEXT
  );
}
const draft = (role: string, who?: Who, backup?: Who, accounts: number[] = []): RoleDraft => ({ role, personEmail: who ? person(who).upn : '', backupEmail: backup ? person(backup).upn : '', accounts });

it('starts with the five standard roles, unfilled; comms may edit, staff may not', async () => {
  const plan = await service('comms').load();
  expect(plan.roles.map((r) => [r.role, r.id])).toEqual([['Lead', 0], ['Deputy', 0], ['Sign-off', 0], ['Monitoring', 0], ['Out of hours', 0]]);
  expect(plan.warnings.filter((w) => w.kind === 'noPerson')).toHaveLength(5);
  expect(plan.canEdit).toBe(true);
  expect((await service('staff').load()).canEdit).toBe(false);
});

it('comms fill the roles; the plan warns of a clash and of a holder who has left', async () => {
  const comms = service('comms');
  let plan = await comms.load();
  const account = plan.accounts[0];
  const role = (name: string) => plan.roles.find((r) => r.role === name)!;
  expect(await comms.save(draft('Lead', 'comms', 'commsHead', [account.id]), role('Lead'), plan.roles)).toMatchObject({ kind: 'saved' });
  expect(await comms.save(draft('Deputy', 'commsHead', 'owner'), role('Deputy'), plan.roles)).toMatchObject({ kind: 'saved' });
  expect(await comms.save(draft('Sign-off', 'commsHead', 'comms'), role('Sign-off'), plan.roles)).toMatchObject({ kind: 'saved' });
  expect(await comms.save(draft('Monitoring', 'leaver', 'backup'), role('Monitoring'), plan.roles)).toMatchObject({ kind: 'saved' });
  expect(await comms.save(draft('Out of hours', 'owner', 'staff'), role('Out of hours'), plan.roles)).toMatchObject({ kind: 'saved' });
  expect(await comms.save(draft('Lead', 'owner'), undefined, (await comms.load()).roles)).toEqual({ kind: 'invalid', problems: { role: 'There is already a role with this name.' } });
  expect(await comms.save(draft('Press desk', 'owner'), undefined, plan.roles)).toMatchObject({ kind: 'saved' });
  expect(await comms.save({ ...draft('Web desk'), personEmail: 'nobody.here@northshire.gov.uk' }, undefined, plan.roles)).toEqual({ kind: 'invalid', problems: { personEmail: expect.stringMatching(/Nobody in the organisation/) } });

  plan = await comms.load();
  expect(plan.roles.map((r) => [r.role, r.person?.name, r.backup?.name])).toEqual([
    ['Lead', 'Chris Morgan', 'Hannah Lewis'], ['Deputy', 'Hannah Lewis', 'Olivia Reed'], ['Sign-off', 'Hannah Lewis', 'Chris Morgan'],
    ['Monitoring', 'Leah Ward', 'Ben Hughes'], ['Out of hours', 'Olivia Reed', 'Sam Patel'], ['Press desk', 'Olivia Reed', undefined]
  ]);
  expect(plan.roles[0].accounts).toEqual([account.id]);
  // Leah has left (her account is disabled); Press desk has no backup; Hannah is the lead's backup and
  // the deputy, and Chris leads and backs up sign-off (allowed: lead and sign-off may share a person).
  expect(plan.warnings).toEqual([
    { kind: 'left', role: 'Monitoring', person: 'Leah Ward', as: 'person', status: 'disabled' },
    { kind: 'noBackup', role: 'Press desk' },
    { kind: 'clash', person: 'Hannah Lewis', roles: ['Lead', 'Deputy'], why: expect.stringContaining('stands in') }
  ]);
});

it('two comms people edit one role at once: the second is refused with what is saved now, and nothing is overwritten', async () => {
  const chrisPlan = await service('comms').load();
  const hannahPlan = await service('commsHead').load();
  const outOfHours = (p: typeof chrisPlan) => p.roles.find((r) => r.role === 'Out of hours')!;
  expect(await service('comms').save(draft('Out of hours', 'owner', 'backup'), outOfHours(chrisPlan), chrisPlan.roles)).toMatchObject({ kind: 'saved' });
  const second = await service('commsHead').save(draft('Out of hours', 'staff', 'owner'), outOfHours(hannahPlan), hannahPlan.roles);
  expect(second.kind).toBe('conflict');
  if (second.kind !== 'conflict') return;
  expect([second.current.person?.name, second.current.backup?.name]).toEqual(['Olivia Reed', 'Ben Hughes']);
  expect([outOfHours(await service('staff').load()).person?.name]).toEqual(['Olivia Reed']);
  // Saving over what she has now seen works.
  expect(await service('commsHead').save(draft('Out of hours', 'staff', 'owner'), second.current, hannahPlan.roles)).toMatchObject({ kind: 'saved' });
  expect(outOfHours(await service('staff').load()).person?.name).toBe('Sam Patel');
});

describe('staff cannot change the plan', () => {
  it('the service is refused by SharePoint', async () => {
    const plan = await service('staff').load();
    const lead = plan.roles.find((r) => r.role === 'Lead')!;
    await expect(service('staff').save(draft('Lead', 'staff', 'staff'), lead, plan.roles)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service('staff').save(draft('Chief', 'staff'), undefined, plan.roles)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('nor through raw REST: MERGE, PATCH, DELETE, an add, a $batch and ValidateUpdateListItem; comms read back that nothing changed', async () => {
    const before = await service('comms').load();
    const lead = before.roles.find((r) => r.role === 'Lead')!;
    const staff = person('staff').upn;
    const items = `web/lists/getbytitle('${LISTS.emergencyRoles.title}')/items`;
    const item = `${items}(${lead.id})`;
    const change = { [F.Role]: 'Lead (hijacked)' };
    const answers = [
      await rest.send(staff, { method: 'POST', path: item, body: change, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } }),
      await rest.send(staff, { method: 'PATCH', path: item, body: change, headers: { 'IF-MATCH': lead.etag } }),
      await rest.send(staff, { method: 'POST', path: item, headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '*' } }),
      await rest.send(staff, { method: 'POST', path: items, body: { Title: 'Planted', [F.Role]: 'Planted' } }),
      ...(await rest.batch(staff, [{ method: 'MERGE', path: item, body: change, headers: { 'IF-MATCH': '*' } }])),
      await rest.send(staff, { method: 'POST', path: `${item}/ValidateUpdateListItem`, body: { formValues: [{ FieldName: F.Role, FieldValue: 'Hijacked' }], bNewDocumentUpdate: false } })
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403]);
    const after = await service('comms').load();
    expect(after.roles).toEqual(before.roles);
  });

  it('nor plant an entry in the activation log, which they cannot even see', async () => {
    const before = (await service('commsHead').history())!;
    const report = JSON.stringify({ roles: [], channel: { status: 'posted' }, recipients: 0, results: [] });
    const answer = await rest.send(person('staff').upn, { method: 'POST', path: `web/lists/getbytitle('${LISTS.notifications.title}')/items`, body: { Title: 'x', TargetList: 'emergencyRoles', TargetId: 0, Report: report } });
    // The list is closed to staff, so SharePoint does not admit it exists.
    expect(answer.status).toBe(404);
    expect(await service('staff').history()).toBeUndefined();
    expect(await service('commsHead').history()).toEqual(before);
  });
});

it('an announcement posts the card naming every holder, notifies each of them, and is logged for the next comms person', async () => {
  await graph.control('DELETE', '/outbox');
  const comms = service('comms');
  const plan = await comms.load();
  const progress: number[] = [];
  const outcome = await comms.announce(plan, (p) => progress.push(p.done / p.total));
  expect(outcome.channel.status).toBe('posted');
  expect(progress[0]).toBe(0);
  expect(progress[progress.length - 1]).toBe(1);
  const outbox = await graph.control<{ channelMessages: { channelId: string; message: { attachments: { content: string }[] } }[]; notifications: { recipientUpn: string; activityType: string; text: string }[] }>('GET', '/outbox');
  expect(outbox.channelMessages).toHaveLength(1);
  const card = JSON.parse(outbox.channelMessages[0].message.attachments[0].content);
  const text = JSON.stringify(card);
  for (const name of ['Chris Morgan', 'Hannah Lewis', 'Olivia Reed', 'Ben Hughes', 'Sam Patel', 'Leah Ward', 'Press desk', 'Out of hours']) expect(text).toContain(name);
  expect(card.type).toBe('AdaptiveCard');

  // Leah has left (disabled): not sent to. Chris announced: Teams does not let him notify himself. Ben has no Teams app.
  const byName = Object.fromEntries(outcome.results.map((r) => [r.name, `${r.status}${r.reason ? `:${r.reason}` : ''}`]));
  expect(byName).toEqual({ 'Leah Ward': 'notReachable:disabled', 'Chris Morgan': 'notReachable:self', 'Hannah Lewis': 'sent', 'Olivia Reed': 'sent', 'Ben Hughes': 'notReachable:appNotInstalled', 'Sam Patel': 'sent' });
  expect(outbox.notifications.map((n) => n.recipientUpn).sort()).toEqual([person('commsHead').upn, person('owner').upn, person('staff').upn].sort());
  expect(outbox.notifications[0]).toMatchObject({ activityType: 'emergencyRolesAnnounced', text: 'Chris Morgan announced the 6 social media roles of the emergency plan: you hold one' });

  const log = (await service('commsHead').history())!;
  expect(log[0]).toMatchObject({ id: outcome.logId, by: 'Chris Morgan', channel: { status: 'posted' }, recipients: 6 });
  expect(log[0].roles.map((r) => r.role)).toEqual(plan.roles.map((r) => r.role));
});

it('through a storm of 429s the announcement completes, each call retried after its own Retry-After, and the log says everyone was sent to', async () => {
  await graph.control('DELETE', '/outbox');
  await graph.control('POST', '/faults', { throttleNext: 4, retryAfter: 2 });
  sleeps.length = 0;
  const comms = service('comms');
  const outcome = await comms.announce(await comms.load());
  expect(outcome.channel.status).toBe('posted');
  expect(outcome.results.filter((r) => r.status === 'failed')).toEqual([]);
  expect(sleeps.filter((ms) => ms === 2000).length).toBeGreaterThanOrEqual(4);
  const log = (await comms.history())!;
  expect(log[0].id).toBe(outcome.logId);
  expect(log[0].results.filter((r) => r.status === 'sent').map((r) => r.name).sort()).toEqual(['Hannah Lewis', 'Olivia Reed', 'Sam Patel']);
  await graph.control('POST', '/faults', { reset: true });
});

it('a failed post is logged honestly and a retry sends only what did not go', async () => {
  await graph.control('DELETE', '/outbox');
  await graph.control('POST', '/faults', { failNext: 1 });
  const comms = service('comms');
  const first = await comms.announce(await comms.load());
  expect(first.channel).toEqual({ status: 'failed', reason: 'server' });
  expect((await comms.history())![0]).toMatchObject({ id: first.logId, channel: { status: 'failed' } });
  const notifiedBefore = (await graph.control<{ notifications: unknown[] }>('GET', '/outbox')).notifications.length;
  const again = await comms.retry((await comms.history())![0]);
  expect(again.channel.status).toBe('posted');
  expect(again.retryOf).toBe(first.logId);
  const outbox = await graph.control<{ channelMessages: unknown[]; notifications: { recipientUpn: string }[] }>('GET', '/outbox');
  expect(outbox.channelMessages).toHaveLength(1);
  // Ben (no Teams app) is tried again; the people already sent to are not.
  expect(outbox.notifications.length).toBe(notifiedBefore);
  expect(again.results.find((r) => r.name === 'Ben Hughes')).toMatchObject({ status: 'notReachable', reason: 'appNotInstalled' });
});

it('without a channel in set-up the plan still notifies, and the log says the card was not posted and why', async () => {
  const comms = service('comms', { teamId: '', channelId: '' });
  expect(comms.channelConfigured).toBe(false);
  const outcome = await comms.announce(await comms.load());
  expect(outcome.channel).toEqual({ status: 'failed', reason: 'notConfigured' });
});
