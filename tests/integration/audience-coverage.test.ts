import { startEmulator, type Emulator } from '../../workbench/emulator';
import { createGraphHandler } from '../../workbench/emulator/graph';
import { SEED_GROUPS } from '../../workbench/emulator/directory';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { GraphDirectory } from '../../src/data/graph/graphDirectory';
import { GraphNotifier } from '../../src/data/graph/graphNotifier';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SpAcknowledgementRepository } from '../../src/data/sp/acknowledgementRepository';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { SpNotificationReports } from '../../src/data/sp/notificationReports';
import { PolicyService } from '../../src/services/policyService';
import { CoverageService } from '../../src/services/coverageService';
import { AudienceService } from '../../src/services/audienceService';
import { deliverySummary } from '../../src/services/deliveryReport';
import { AppError } from '../../src/domain/errors';
import { TEAMS_APP_ID } from '../../workbench/seed';

// Coverage of everyone, against the emulator: SharePoint decides who acknowledged (the item's
// Author), Graph's directory decides who the audience is. The two meet on the sign-in name.

let emu: Emulator;
const [ALL_STAFF, , CUSTOMER_FACING] = SEED_GROUPS;

beforeAll(async () => {
  emu = await startEmulator({ quiet: true, graphHandlerFactory: createGraphHandler });
  await seedDemoSite(emu);
});
afterAll(async () => { await emu?.close(); });
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/graph/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reset: true }) });
});

type Persona = Parameters<typeof person>[0];

function servicesFor(persona: Persona) {
  const sp = spAs(emu, person(persona).upn);
  const graph = createWorkbenchGraphClient({ origin: emu.url, user: person(persona).upn, retry: { maxRetries: 0 } });
  const acks = new SpAcknowledgementRepository(sp);
  const me = async () => (await sp.web.currentUser.select('Id')<{ Id: number }>()).Id;
  const coverage = new CoverageService(new SpAccountsRepository(sp), acks);
  const notifier = new GraphNotifier(graph, { teamsAppId: TEAMS_APP_ID, fallbackBaseUrl: `${emu.url}/sharepoint`, sleep: async () => undefined });
  return {
    policy: new PolicyService(new SpPolicyRepository(sp), acks, me),
    coverage,
    audience: new AudienceService(new GraphDirectory(graph, { sleep: async () => undefined }), coverage, notifier, new SpNotificationReports(sp), new SpActivityLog(sp))
  };
}

async function acknowledge(persona: Persona): Promise<void> {
  const { policy } = servicesFor(persona);
  await policy.acknowledge(await policy.loadPage());
}

it('counts the enabled members of the organisation, matches confirmations by sign-in name, and lists who is left', async () => {
  await acknowledge('staff');
  await acknowledge('owner');
  await acknowledge('leaver').catch(() => undefined); // a disabled account cannot sign in to SharePoint at all
  const comms = servicesFor('comms');
  const policy = (await comms.policy.loadPage()).policy!;
  const keyPeople = await comms.coverage.keyPeople(policy);
  const progress: number[] = [];
  const result = await comms.audience.load(policy, '', keyPeople, (p) => progress.push(p.directory.loaded));

  // Seven people in the directory, Leah Ward disabled: the audience is six.
  expect(result.total).toBe(6);
  expect(result.confirmed).toBe(2);
  expect(result.percent).toBe(33);
  expect(result.rows.some((r) => r.upn === person('leaver').upn)).toBe(false);
  // Owners and backups first (Ben still to confirm, then Olivia), then everyone else, pending first.
  expect(result.rows.map((r) => [r.name, !!r.confirmedAt])).toEqual([
    ['Ben Hughes', false], ['Olivia Reed', true],
    ['Chris Morgan', false], ['Hannah Lewis', false], ['Simon Clarke', false], ['Sam Patel', true]
  ]);
  expect(result.rows[0].roles).toContain('backup');
  expect(result.departments.find((d) => d.name === 'Libraries')).toEqual({ name: 'Libraries', total: 2, pending: 1 });
  expect(progress.at(-1)).toBe(6);

  const csv = comms.audience.csv(policy, result).split('\r\n');
  expect(csv[0]).toBe(`Name,E-mail,Department,Role,Accounts,Confirmed ${policy.label},Confirmed at`);
  expect(csv.find((l) => l.startsWith('Ben Hughes'))).toMatch(/^Ben Hughes,ben\.hughes@northshire\.gov\.uk,Libraries,[a-z ]*backup[a-z ]*,[^,]*Northshire Libraries \(Facebook\)[^,]*,No,$/);
  expect(csv.find((l) => l.startsWith('Sam Patel'))).toMatch(/^Sam Patel,sam\.patel@northshire\.gov\.uk,Housing,staff,,Yes,\d{4}-/);
});

it('takes the audience from a group, nested groups included, and says clearly when the group is gone', async () => {
  const comms = servicesFor('comms');
  const policy = (await comms.policy.loadPage()).policy!;
  const result = await comms.audience.load(policy, CUSTOMER_FACING.id, []);
  expect(result.rows.map((r) => r.name).sort()).toEqual(['Ben Hughes', 'Olivia Reed', 'Sam Patel']);
  expect(await comms.audience.groupName(CUSTOMER_FACING.id)).toBe('Customer-facing services');
  // The all-staff group still holds the leaver; the audience does not.
  expect((await comms.audience.load(policy, ALL_STAFF.id, [])).total).toBe(6);

  const gone = await comms.audience.load(policy, '3c9e2b7a-4d1f-4a8e-b6c5-9999999999ff', []).catch((e: unknown) => e);
  expect(gone).toBeInstanceOf(AppError);
  expect(gone).toMatchObject({ kind: 'notFound', message: expect.stringMatching(/no longer exists.*set-up/) });
});

it('explains a directory the hub may not read yet, instead of showing a wrong figure', async () => {
  await fetch(`${emu.url}/__emulator/graph/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ grantedScopes: ['TeamsActivity.Send', 'User.Read.All'] }) });
  const comms = servicesFor('comms');
  const policy = (await comms.policy.loadPage()).policy!;
  const refused = await comms.audience.load(policy, ALL_STAFF.id, []).catch((e: unknown) => e);
  expect(refused).toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/administrator must approve .*GroupMember\.Read\.All/) });
});

it('reminds those who have not confirmed, reports who was not reachable, and keeps the report for the next comms person', async () => {
  await fetch(`${emu.url}/__emulator/graph/outbox`, { method: 'DELETE' });
  const comms = servicesFor('comms');
  const policy = (await comms.policy.loadPage()).policy!;
  const result = await comms.audience.load(policy, '', await comms.coverage.keyPeople(policy));
  const pending = result.rows.filter((r) => !r.confirmedAt);
  const outcome = await comms.audience.remind(policy, result.rows);
  expect(outcome.recipients).toBe(pending.length);
  const summary = deliverySummary(outcome);
  // Ben has no Teams app; Chris is the sender, and Graph does not let anyone notify themselves.
  expect(summary.notReachable.map((r) => [r.name, r.reason]).sort()).toEqual([['Ben Hughes', 'appNotInstalled'], ['Chris Morgan', 'self']]);
  expect(summary.sent).toBe(pending.length - 2);

  const outbox = (await (await fetch(`${emu.url}/__emulator/graph/outbox`)).json()) as { notifications: { recipientUpn: string; activityType: string }[] };
  const reminded = outbox.notifications.filter((n) => n.activityType === 'policyReminder').map((n) => n.recipientUpn).sort();
  expect(reminded).toEqual(['hannah.lewis@northshire.gov.uk', 'simon.clarke@northshire.gov.uk']);
  // Nobody who confirmed is reminded.
  expect(reminded).not.toContain(person('staff').upn);

  const stored = await servicesFor('commsHead').audience.lastReminder(policy);
  expect(stored).toMatchObject({ recipients: pending.length, by: 'Chris Morgan' });
  // The publication's own delivery report is kept apart from reminders.
  expect((await new SpNotificationReports(spAs(emu, person('comms').upn)).latest('policyVersions', (policy.majorRelease ?? policy).id))?.results.some((r) => r.reason === 'self')).not.toBe(true);
});

it('refuses a reminder report written by someone outside comms (SharePoint decides, not the button)', async () => {
  const staff = spAs(emu, person('staff').upn);
  const before = await new SpNotificationReports(spAs(emu, person('comms').upn)).latest('policyReminders', 1);
  const attempt = await new SpNotificationReports(staff).save('policyReminders', 1, 'policyReminder', { recipients: 1, results: [] }).then(() => 'saved', (e: unknown) => e);
  // The list is comms-only: to anyone else SharePoint answers as if it did not exist.
  expect(attempt).toMatchObject({ kind: expect.stringMatching(/^(forbidden|notSetUp)$/) });
  const after = await new SpNotificationReports(spAs(emu, person('comms').upn)).latest('policyReminders', 1);
  expect(after?.at).toBe(before?.at);
});
