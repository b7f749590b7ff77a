import { heldAt, timelineFromCurrent, timelineFromVersions, countingAccountUpdates, currentAccountUpdates, countingMonthlyReports, currentMonthlyReports, countingCredentials } from '../../../src/domain/trust';
import { clock, BEN, CHRIS, LEAH, OLIVIA, SAM } from './clock';

// Account 1: Leah owned it, handed it to Olivia at `handover`; Ben has been backup throughout.
function scenario() {
  const c = clock();
  const opened = c.tick();
  const handover = c.tick(60 * 24 * 30);
  const timeline = timelineFromVersions([
    // Versions of the register item, deliberately out of order: the history is sorted by time.
    { accountId: 1, ownerId: OLIVIA, backupId: BEN, at: handover },
    { accountId: 1, ownerId: LEAH, backupId: BEN, at: opened },
    { accountId: 2, ownerId: SAM, at: opened }
  ]);
  return { c, opened, handover, timeline };
}

describe('the register timeline', () => {
  it('knows who held an account when, from its version history', () => {
    const { c, opened, handover, timeline } = scenario();
    const later = c.tick();
    expect(heldAt(timeline, 1, LEAH, opened)).toBe(true);
    expect(heldAt(timeline, 1, LEAH, handover)).toBe(false);
    expect(heldAt(timeline, 1, OLIVIA, later)).toBe(true);
    expect(heldAt(timeline, 1, OLIVIA, opened)).toBe(false);
    expect(heldAt(timeline, 1, BEN, later, 'backup')).toBe(true);
    expect(heldAt(timeline, 1, BEN, later, 'owner')).toBe(false);
    expect(heldAt(timeline, 2, OLIVIA, later)).toBe(false);
  });

  it('keeps one period while a holder stays through other edits, and closes it when they go', () => {
    const c = clock();
    const [t1, t2, t3] = [c.tick(), c.tick(), c.tick()];
    const timeline = timelineFromVersions([
      { accountId: 1, ownerId: OLIVIA, at: t1 },
      { accountId: 1, ownerId: OLIVIA, at: t2 },
      { accountId: 1, at: t3 }
    ]);
    expect(timeline).toEqual([{ accountId: 1, userId: OLIVIA, role: 'owner', from: t1, to: t3 }]);
  });

  it('from current values only, today\'s holders count from the account\'s creation', () => {
    const c = clock();
    const created = c.tick();
    const timeline = timelineFromCurrent([{ accountId: 1, ownerId: OLIVIA, backupId: BEN, created }]);
    expect(heldAt(timeline, 1, OLIVIA, c.tick())).toBe(true);
    expect(heldAt(timeline, 1, OLIVIA, '2026-01-01T00:00:00Z')).toBe(false);
  });
});

describe('monthly reports', () => {
  it('count for the owner or backup at the time they were filed, not now', () => {
    const { c, timeline } = scenario();
    // Leah filed February while she owned the account; she has since handed it over.
    const leahsFebruary = { id: 1, authorId: LEAH, created: '2026-03-02T10:00:00Z', accountId: 1, month: '2026-02' };
    const olivia = c.record(OLIVIA, { accountId: 1, month: '2026-04' });
    const ben = c.record(BEN, { accountId: 1, month: '2026-04' });
    const verdict = countingMonthlyReports([leahsFebruary, olivia, ben], { timeline });
    expect(verdict.counting).toEqual([leahsFebruary, olivia, ben]);
    expect(verdict.ignored).toEqual([]);
  });

  it('does not count for someone who owns the account now but did not when the report was filed', () => {
    const { opened, timeline } = scenario();
    const early = { id: 7, authorId: OLIVIA, created: new Date(Date.parse(opened) + 60_000).toISOString(), accountId: 1, month: '2026-02' };
    expect(countingMonthlyReports([early], { timeline }).ignored).toEqual([{ record: early, reason: 'not-entitled' }]);
  });

  it('ignores a report planted by a member of staff, or by comms, for an account that is not theirs', () => {
    const { c, timeline } = scenario();
    const planted = c.record(SAM, { accountId: 1, month: '2026-04' });
    const byComms = c.record(CHRIS, { accountId: 1, month: '2026-04' });
    const real = c.record(OLIVIA, { accountId: 1, month: '2026-04' });
    const verdict = countingMonthlyReports([planted, byComms, real], { timeline });
    expect(verdict.counting).toEqual([real]);
    expect(verdict.ignored.map((i) => [i.record.id, i.reason])).toEqual([[planted.id, 'not-entitled'], [byComms.id, 'not-entitled']]);
  });

  it('the latest that counts is the month\'s report, even if a planted one came later', () => {
    const { c, timeline } = scenario();
    const first = c.record(OLIVIA, { accountId: 1, month: '2026-04' });
    const corrected = c.record(BEN, { accountId: 1, month: '2026-04' });
    const planted = c.record(SAM, { accountId: 1, month: '2026-04' });
    const may = c.record(OLIVIA, { accountId: 1, month: '2026-05' });
    const current = currentMonthlyReports([may, planted, first, corrected], { timeline });
    expect([...current.entries()]).toEqual([['1|2026-04', corrected], ['1|2026-05', may]]);
  });
});

describe('account updates and credentials', () => {
  it('count for the owner or backup then, or comms; the latest that counts is current', () => {
    const { c, timeline } = scenario();
    const byOwner = c.record(OLIVIA, { accountId: 1 });
    const byComms = c.record(CHRIS, { accountId: 1 });
    const planted = c.record(SAM, { accountId: 1 });
    const ctx = { timeline, comms: [CHRIS] };
    expect(countingAccountUpdates([planted, byComms, byOwner], ctx).counting).toEqual([byOwner, byComms]);
    expect(currentAccountUpdates([byOwner, byComms, planted], ctx).get(1)).toBe(byComms);
  });

  it('flag a credential stored by someone who does not hold the account, so comms can see it', () => {
    const { c, timeline } = scenario();
    const planted = c.record(SAM, { accountId: 1 });
    const real = c.record(BEN, { accountId: 1 });
    const verdict = countingCredentials([real, planted], { timeline, comms: new Set([CHRIS]) });
    expect(verdict.counting).toEqual([real]);
    expect(verdict.ignored).toEqual([{ record: planted, reason: 'not-entitled' }]);
  });

  it('a former owner\'s credential stored before the handover still counts; one stored after does not', () => {
    const { c, handover, timeline } = scenario();
    const before = { id: 90, authorId: LEAH, created: new Date(Date.parse(handover) - 3_600_000).toISOString(), accountId: 1 };
    const after = c.record(LEAH, { accountId: 1 });
    const verdict = countingCredentials([before, after], { timeline, comms: [] });
    expect(verdict.counting).toEqual([before]);
    expect(verdict.ignored).toEqual([{ record: after, reason: 'not-entitled' }]);
  });
});
