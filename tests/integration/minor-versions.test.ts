import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SpAcknowledgementRepository } from '../../src/data/sp/acknowledgementRepository';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { SpNotificationReports } from '../../src/data/sp/notificationReports';
import { PolicyService } from '../../src/services/policyService';
import { AcknowledgementGate } from '../../src/services/acknowledgementGate';
import { CoverageService } from '../../src/services/coverageService';
import { PolicyPublisher } from '../../src/services/policyPublisher';
import { RecordingNotifier } from '../support/fakes';

// Issue 7's first bug, against the emulator with SharePoint's own increasing times: an
// acknowledgement counts against the major version's N.0, so publishing 1.1 after people
// acknowledged 1.0 asks nobody again and hides nothing; publishing 2.0 does ask again.

let emu: Emulator;
const ids: Record<string, number> = {};

/** SharePoint stamps whole seconds: step into the next one so each record is strictly later. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1020 - (Date.now() % 1000)));

const as = (p: 'staff' | 'owner' | 'comms') => {
  const sp = spAs(emu, person(p).upn);
  const me = async () => ids[p];
  const policies = new SpPolicyRepository(sp);
  const acks = new SpAcknowledgementRepository(sp);
  return {
    policy: new PolicyService(policies, acks, me),
    gate: new AcknowledgementGate(policies, acks, me),
    coverage: new CoverageService(new SpAccountsRepository(sp), acks),
    publisher: new PolicyPublisher(policies, new SpAccountsRepository(sp), new SpActivityLog(sp), new RecordingNotifier(), new SpNotificationReports(sp), (html) => html)
  };
};

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'comms'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
});

afterAll(async () => {
  await emu?.close();
});

it('1.0 acknowledged, then 1.1: no banner, gate open, coverage unchanged, delivery report still found; 2.0 asks again', async () => {
  const comms = as('comms');
  const v10 = (await comms.policy.loadPage()).policy!;
  expect(v10.label).toBe('1.0');
  await comms.publisher.notifyOwners(v10);
  await nextSecond();
  for (const p of ['staff', 'owner'] as const) {
    const service = as(p).policy;
    await service.acknowledge(await service.loadPage());
  }
  const coveredBefore = await comms.coverage.count(v10);
  expect(coveredBefore).toBe(2);

  await nextSecond();
  const { version: v11 } = await comms.publisher.publish({ content: v10.content, kind: 'minor', changeSummary: 'Fixed a typo.', basedOn: v10 });
  expect(v11.label).toBe('1.1');
  expect(Date.parse(v11.publishedAt!)).toBeGreaterThan(Date.parse(v10.publishedAt!));

  const staffPage = await as('staff').policy.loadPage();
  expect(staffPage.policy?.label).toBe('1.1');
  expect(staffPage.acknowledgement).toMatchObject({ required: false, release: { id: v10.id, label: '1.0' } });
  expect(await as('staff').gate.check()).toMatchObject({ allowed: true });
  const inForce = (await comms.policy.loadPage()).policy!;
  expect(await comms.coverage.count(inForce)).toBe(coveredBefore);
  const olivia = (await comms.coverage.keyPeople(inForce)).find((p) => p.userId === ids.owner);
  expect(olivia?.acknowledgedAt).toBeDefined();
  const report = await comms.publisher.lastDelivery(inForce);
  expect(report?.recipients).toBeGreaterThan(0);

  await nextSecond();
  const [first, ...others] = v10.content.sections;
  const reworded = { ...v10.content, sections: [{ ...first, body: `${first.body}<p>Paid campaigns need the head of communications' approval.</p>` }, ...others] };
  await comms.publisher.publish({ content: reworded, kind: 'major', changeSummary: 'New rules for paid campaigns.', basedOn: inForce });
  const after = await as('staff').policy.loadPage();
  expect(after.policy?.label).toBe('2.0');
  expect(after.acknowledgement).toMatchObject({ required: true, release: { label: '2.0', changeSummary: 'New rules for paid campaigns.' } });
  expect(await as('staff').gate.check()).toMatchObject({ allowed: false, versionLabel: '2.0' });
  expect(await comms.coverage.count(after.policy!)).toBe(0);
  // Why again: staff last confirmed 1.0; since then 2.0 and 1.1, newest first, with their notes;
  // the reworded section is what the view marks (read from SharePoint, 1.0's own content).
  const since = after.acknowledgement.sinceConfirmed;
  expect(since?.confirmed?.label).toBe('1.0');
  expect(since?.since.map((v) => [v.label, v.changeSummary])).toEqual([['2.0', 'New rules for paid campaigns.'], ['1.1', 'Fixed a typo.']]);
  const changed = await as('staff').policy.changedSinceConfirmed(after);
  expect([...changed!.sections]).toEqual([first.id]);
  expect(changed!.dos.size + changed!.donts.size).toBe(0);
  // Once confirmed, nothing is marked.
  const confirmed = await as('staff').policy.acknowledge(after);
  expect(confirmed.acknowledgement.sinceConfirmed).toBeUndefined();
  expect(await as('staff').policy.changedSinceConfirmed(confirmed)).toBeUndefined();
});
