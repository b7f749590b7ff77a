/**
 * @jest-environment jsdom
 */
// jsdom: the publisher is given the product's own DOMPurify-based sanitiser, which needs a DOM.
import { sanitizeHtml as sanitize } from '../../src/ui/common/sanitizeHtml';
import { PolicyService } from '../../src/services/policyService';
import { AcknowledgementGate } from '../../src/services/acknowledgementGate';
import { PolicyPublisher, PolicyValidationError } from '../../src/services/policyPublisher';
import { deliverySummary, retryableRecipients } from '../../src/services/deliveryReport';
import { CoverageService } from '../../src/services/coverageService';
import { DEFAULT_POLICY, type PolicyContent } from '../../src/domain/policy';
import { AppError } from '../../src/domain/errors';
import { FixedAccounts, MemoryAcknowledgements, MemoryActivity, MemoryNotificationReports, MemoryPolicies, RecordingNotifier, BEN, OLIVIA, SAM } from '../support/fakes';

function world(me = SAM.userId) {
  let current = me;
  const acks = new MemoryAcknowledgements(() => current);
  const policies = new MemoryPolicies(acks);
  const accounts = new FixedAccounts([
    { accountId: 1, accountName: 'Northshire Libraries (Facebook)', status: 'Active', owner: OLIVIA, backup: BEN },
    { accountId: 2, accountName: 'Northshire Libraries (Instagram)', status: 'Active', owner: OLIVIA }
  ]);
  const activity = new MemoryActivity();
  const reports = new MemoryNotificationReports();
  const publisher = (notifier = new RecordingNotifier()) => new PolicyPublisher(policies, accounts, activity, notifier, reports, sanitize);
  return { acks, policies, accounts, activity, reports, publisher, as: (id: number) => { current = id; }, me: async () => current };
}

describe('acknowledging the policy', () => {
  it('asks until the person acknowledges the major version in force, and adds only one record', async () => {
    const w = world();
    w.policies.seed(1, 0);
    const service = new PolicyService(w.policies, w.acks, w.me);
    let page = await service.loadPage();
    expect(page.acknowledgement.required).toBe(true);
    page = await service.acknowledge(page);
    expect(page.acknowledgement).toEqual({ required: false, acknowledgedAt: expect.any(String), release: expect.objectContaining({ label: '1.0' }) });
    await service.acknowledge(page);
    expect(w.acks.records).toHaveLength(1);
  });

  it('a minor version asks nothing new; a major one asks again', async () => {
    const w = world();
    w.policies.seed(1, 0);
    const service = new PolicyService(w.policies, w.acks, w.me);
    await service.acknowledge(await service.loadPage());
    w.policies.seed(1, 1);
    expect((await service.loadPage()).acknowledgement.required).toBe(false);
    w.policies.seed(2, 0);
    expect((await service.loadPage()).acknowledgement.required).toBe(true);
  });

  it('a minor version resets nothing anywhere: banner, gate, coverage and the delivery report stay as they were', async () => {
    const w = world(OLIVIA.userId);
    const v10 = w.policies.seed(1, 0, 'First version');
    const notified = await w.publisher().notifyOwners(v10);
    expect(notified.recipients).toBe(2);
    const service = new PolicyService(w.policies, w.acks, w.me);
    await service.acknowledge(await service.loadPage());
    const coverage = new CoverageService(w.accounts, w.acks);
    const gate = new AcknowledgementGate(w.policies, w.acks, w.me);
    expect(await coverage.count((await service.loadPage()).policy!)).toBe(1);

    w.policies.seed(1, 1, 'Typo');
    const page = await service.loadPage();
    expect(page.policy?.label).toBe('1.1');
    expect(page.acknowledgement).toMatchObject({ required: false, release: { label: '1.0', changeSummary: 'First version' } });
    expect((await gate.check()).allowed).toBe(true);
    expect(await coverage.count(page.policy!)).toBe(1);
    expect((await coverage.keyPeople(page.policy!)).map((p) => [p.name, !!p.acknowledgedAt])).toEqual([['Ben Hughes', false], ['Olivia Reed', true]]);
    const report = await w.publisher().lastDelivery(page.policy!);
    expect(report && deliverySummary(report)).toMatchObject({ recipients: 2, sent: 2 });

    w.policies.seed(2, 0, 'New rules for campaigns');
    const next = await service.loadPage();
    expect(next.acknowledgement).toMatchObject({ required: true, release: { label: '2.0', changeSummary: 'New rules for campaigns' } });
    expect((await gate.check()).allowed).toBe(false);
    expect(await coverage.count(next.policy!)).toBe(0);
    expect(await w.publisher().lastDelivery(next.policy!)).toBeUndefined();
  });

  it('an acknowledgement written in advance for a future major version does not count', async () => {
    const w = world();
    w.policies.seed(1, 0);
    const service = new PolicyService(w.policies, w.acks, w.me);
    await service.acknowledge(await service.loadPage());
    w.acks.records.push({ id: 99, major: 2, label: '2.0', at: '2025-06-01T00:00:00.000Z', userId: SAM.userId });
    w.acks.records.push({ id: 100, major: 999, label: 'x', at: '2026-12-01T00:00:00.000Z', userId: SAM.userId });
    w.policies.versions.push({ ...w.policies.seed(2, 0), publishedAt: '2026-02-01T00:00:00.000Z' });
    w.policies.versions.splice(1, 1);
    expect((await service.loadPage()).acknowledgement.required).toBe(true);
    const gate = new AcknowledgementGate(w.policies, w.acks, w.me);
    expect((await gate.check()).allowed).toBe(false);
  });

  it('does not add a duplicate when another tab acknowledged meanwhile', async () => {
    const w = world();
    w.policies.seed(1, 0);
    const service = new PolicyService(w.policies, w.acks, w.me);
    const stale = await service.loadPage();
    await w.acks.add(1, '1.0');
    const after = await service.acknowledge(stale);
    expect(after.acknowledgement.required).toBe(false);
    expect(w.acks.records).toHaveLength(1);
  });
});

describe('the acknowledgement gate', () => {
  it('stops someone who has not acknowledged, with a message and the way to the policy', async () => {
    const w = world();
    w.policies.seed(2, 0);
    const gate = new AcknowledgementGate(w.policies, w.acks, w.me);
    expect(await gate.check()).toMatchObject({ allowed: false, versionLabel: '2.0', policyLink: { pageId: 'policy' }, message: expect.stringMatching(/acknowledge the social media policy \(version 2\.0\)/) });
    await w.acks.add(2, '2.0');
    expect((await gate.check()).allowed).toBe(true);
  });

  it('checks another person (for naming owners) by their own acknowledgement, not mine', async () => {
    const w = world();
    w.policies.seed(1, 0);
    await w.acks.add(1, '1.0');
    const gate = new AcknowledgementGate(w.policies, w.acks, w.me);
    expect((await gate.check(OLIVIA.userId)).allowed).toBe(false);
    w.as(OLIVIA.userId);
    await w.acks.add(1, '1.0');
    w.as(SAM.userId);
    expect(await gate.check(OLIVIA.userId)).toMatchObject({ allowed: true });
  });
});

describe('publishing a version', () => {
  const edit = (f: (c: PolicyContent) => void): PolicyContent => { const c = JSON.parse(JSON.stringify(DEFAULT_POLICY)); f(c); return c; };

  it('sanitises rich text before storing it', async () => {
    const w = world();
    const base = w.policies.seed();
    const publisher = w.publisher();
    const content = edit((c) => { c.sections[0].body = '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">x</a></p>'; });
    const { version } = await publisher.publish({ content, kind: 'minor', changeSummary: 'Wording', basedOn: base });
    expect(version.label).toBe('1.1');
    expect(version.content.sections[0].body).toBe('<p>Hi <a>x</a></p>');
    expect(w.activity.entries.map((e) => e.action)).toEqual(['policy.published']);
  });

  it('refuses an invalid draft with the problems, and stores nothing', async () => {
    const w = world();
    const base = w.policies.seed();
    const publisher = w.publisher();
    const content = edit((c) => { c.dos[0].detail = 'y'.repeat(10_000); });
    const error = await publisher.publish({ content, kind: 'major', changeSummary: 'x', basedOn: base }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyValidationError);
    expect((error as PolicyValidationError).problems[0].path).toBe('dos.0.detail');
    expect(w.policies.versions).toHaveLength(1);
  });

  it('a major version tells each owner and backup once, and reports who was not reached', async () => {
    const w = world();
    const base = w.policies.seed();
    const notifier = new RecordingNotifier((r) => (r === BEN.email ? 'throttled' : 'sent'));
    const publisher = w.publisher(notifier);
    const result = await publisher.publish({ content: DEFAULT_POLICY, kind: 'major', changeSummary: 'New rules on paid adverts', basedOn: base });
    expect(result.version.label).toBe('2.0');
    // Saving does not wait for Teams: notifying is the next, separate step.
    expect(notifier.sent).toHaveLength(0);
    const first = await publisher.notifyOwners(result.version);
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]).toMatchObject({ activityType: 'policyPublished', templateParameters: { policyVersion: '2.0' }, deepLink: { pageId: 'policy' } });
    expect(notifier.sent[0].recipients.sort()).toEqual([BEN.email, OLIVIA.email]);
    // Names come from the register when the notifier has none.
    expect(first).toEqual({ recipients: 2, results: expect.arrayContaining([
      { recipient: OLIVIA.email, name: OLIVIA.name, status: 'sent', via: 'single' },
      { recipient: BEN.email, name: BEN.name, status: 'failed', reason: 'throttled', retryAfterSeconds: 5 }
    ]) });

    const retry = await publisher.notifyOwners(result.version, [BEN.email]);
    expect(notifier.sent[1].recipients).toEqual([BEN.email]);
    // Ben is still throttled: the report keeps the whole picture, not just the retry.
    expect(retry.recipients).toBe(2);
    expect(retry.results).toHaveLength(2);
    expect(retry.results).toEqual(expect.arrayContaining([expect.objectContaining({ recipient: OLIVIA.email, status: 'sent' }), expect.objectContaining({ recipient: BEN.email, status: 'failed' })]));
    expect(deliverySummary((await publisher.lastDelivery(result.version))!)).toMatchObject({ recipients: 2, sent: 1 });
    expect(w.activity.entries.map((e) => e.action)).toEqual(['policy.published', 'policy.notified', 'policy.notified']);
    // Append-only: the retry added a second report, the first is unchanged.
    expect(w.reports.saved).toHaveLength(2);
    expect(w.reports.saved[0].report.results.find((r) => r.recipient === OLIVIA.email)?.status).toBe('sent');
  });

  it('keeps people the notifier cannot reach apart from failures, and retries only those worth retrying', async () => {
    const w = world();
    const base = w.policies.seed();
    const notifier = new RecordingNotifier((r) => (r === BEN.email ? 'appNotInstalled' : 'disabled'));
    const publisher = w.publisher(notifier);
    const { version } = await publisher.publish({ content: DEFAULT_POLICY, kind: 'major', changeSummary: 'x', basedOn: base });
    const report = await publisher.notifyOwners(version);
    const summary = deliverySummary(report);
    expect(summary).toMatchObject({ recipients: 2, sent: 0, failed: [] });
    expect(summary.notReachable.map((r) => [r.name, r.reason]).sort()).toEqual([[BEN.name, 'appNotInstalled'], [OLIVIA.name, 'disabled']]);
    // A disabled account will not come back by retrying; the Teams app may have been installed since.
    expect(retryableRecipients(report)).toEqual([BEN.email]);
  });

  it('a delivery report can only come from where comms write it', async () => {
    const w = world();
    const base = w.policies.seed();
    const publisher = w.publisher(new RecordingNotifier(() => 'failed'));
    const { version } = await publisher.publish({ content: DEFAULT_POLICY, kind: 'major', changeSummary: 'x', basedOn: base });
    await publisher.notifyOwners(version);
    // An activity entry claiming everything was sent (anyone may add to the log) changes nothing.
    await w.activity.append({ action: 'policy.notified', targetList: 'policyVersions', targetId: version.id, data: { recipients: 2, sent: 2, notReachable: 0, failed: 0 } });
    expect(deliverySummary((await publisher.lastDelivery(version))!)).toMatchObject({ recipients: 2, sent: 0 });
  });

  it('if the owners cannot be read, the version stays published and the problem is reported, not thrown', async () => {
    const w = world();
    w.accounts.staffedAccounts = async () => { throw new AppError('throttled', 'busy'); };
    const publisher = w.publisher();
    const { version } = await publisher.publish({ content: DEFAULT_POLICY, kind: 'major', changeSummary: 'x', basedOn: w.policies.seed() });
    const outcome = await publisher.notifyOwners(version);
    expect(outcome).toMatchObject({ recipients: 0, problem: { kind: 'throttled' } });
    expect(w.policies.versions.map((v) => v.label)).toEqual(['1.0', '2.0']);
  });

  it('refuses a draft based on a version that is no longer the newest', async () => {
    const w = world();
    const base = w.policies.seed();
    const publisher = w.publisher();
    await publisher.publish({ content: DEFAULT_POLICY, kind: 'minor', changeSummary: 'B', basedOn: base });
    await expect(publisher.publish({ content: DEFAULT_POLICY, kind: 'major', changeSummary: 'A', basedOn: base }))
      .rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/Version 1\.1 was published while you were editing/) });
  });

  it('the conflict names the version in force, and a draft with no base is refused once a version exists', async () => {
    const w = world();
    const base = w.policies.seed();
    const publisher = w.publisher();
    const { version } = await publisher.publish({ content: DEFAULT_POLICY, kind: 'minor', changeSummary: 'B', basedOn: base });
    await expect(publisher.publish({ content: DEFAULT_POLICY, kind: 'minor', changeSummary: 'A', basedOn: base }))
      .rejects.toMatchObject({ kind: 'conflict', inForce: { id: version.id, label: '1.1' } });
    await expect(publisher.publish({ content: DEFAULT_POLICY, kind: 'minor', changeSummary: 'A' }))
      .rejects.toMatchObject({ kind: 'conflict', inForce: { id: version.id } });
    expect(w.policies.versions.map((v) => v.changeSummary ?? '')).toEqual(['', 'B']);
  });

  it('says clearly when someone else published the same version meanwhile', async () => {
    const w = world();
    const base = w.policies.seed();
    const publisher = w.publisher();
    // Someone else's 1.1 lands between our check of the newest version and our add.
    const realList = w.policies.listVersions.bind(w.policies);
    w.policies.listVersions = async () => { const l = await realList(); await w.policies.publish({ major: 1, minor: 1, isMajor: false, content: DEFAULT_POLICY, changeSummary: 'theirs' }); return l; };
    await expect(publisher.publish({ content: DEFAULT_POLICY, kind: 'minor', changeSummary: 'Second', basedOn: base }))
      .rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/Someone published version 1\.1 while you were editing/) });
  });

  it('a failing activity log does not undo or block the publication', async () => {
    const w = world();
    w.activity.failing = true;
    const publisher = w.publisher();
    const result = await publisher.publish({ content: DEFAULT_POLICY, kind: 'major', changeSummary: 'x', basedOn: w.policies.seed() });
    expect(result.version.label).toBe('2.0');
    expect(deliverySummary(await publisher.notifyOwners(result.version)).sent).toBe(2);
  });
});

describe('coverage', () => {
  it('lists owners and backups once each, those still to acknowledge first, and counts everyone once', async () => {
    const w = world();
    const policy = w.policies.seed();
    w.as(OLIVIA.userId);
    await w.acks.add(1, '1.0');
    w.as(SAM.userId);
    await w.acks.add(1, '1.0');
    const coverage = new CoverageService(w.accounts, w.acks);
    const people = await coverage.keyPeople(policy);
    expect(people.map((p) => [p.name, p.roles, p.accounts.length, !!p.acknowledgedAt])).toEqual([
      ['Ben Hughes', ['backup'], 1, false],
      ['Olivia Reed', ['owner'], 2, true]
    ]);
    const progress: number[] = [];
    expect(await coverage.count(policy, (n) => progress.push(n))).toBe(2);
    expect(progress).toEqual([2]);
  });
});
