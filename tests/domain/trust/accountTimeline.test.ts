import { accountTimeline, countingAccountUpdates, heldAt } from '../../../src/domain/trust';
import { clock, BEN, CHRIS, LEAH, OLIVIA, SAM } from './clock';

// Account 7: Leah owned it with Ben as backup; at `handover` comms made Olivia the owner.
function handedOver() {
  const c = clock();
  const v1 = c.tick();
  const leahsUpdate = c.record(LEAH, { accountId: 7 });
  const oliviasEarly = c.record(OLIVIA, { accountId: 7 });
  const handover = c.tick();
  const v2 = { at: handover, ownerId: OLIVIA, backupId: BEN };
  const timeline = accountTimeline(7, [v2, { at: v1, ownerId: LEAH, backupId: BEN }], { ownerId: OLIVIA, backupId: BEN, created: v1 });
  return { c, timeline, leahsUpdate, oliviasEarly, handover };
}

describe('an account\'s ownership timeline from its versions', () => {
  it('keeps counting an earlier owner\'s update after the owner changes', () => {
    const { c, timeline, leahsUpdate } = handedOver();
    const verdict = countingAccountUpdates([leahsUpdate, c.record(LEAH, { accountId: 7 })], { timeline, comms: [CHRIS] });
    expect(verdict.counting).toEqual([leahsUpdate]);
    expect(verdict.ignored.map((i) => i.reason)).toEqual(['not-entitled']);
  });

  it('does not count a new owner\'s update from before they were made owner, and counts theirs after', () => {
    const { c, timeline, oliviasEarly } = handedOver();
    const oliviasLater = c.record(OLIVIA, { accountId: 7 });
    const verdict = countingAccountUpdates([oliviasEarly, oliviasLater], { timeline, comms: [CHRIS] });
    expect(verdict.counting).toEqual([oliviasLater]);
    expect(verdict.ignored.map((i) => i.record)).toEqual([oliviasEarly]);
  });

  it('starts the new owner at the version\'s own second, and ends the old owner there', () => {
    const { timeline, handover } = handedOver();
    expect(heldAt(timeline, 7, OLIVIA, handover, 'owner')).toBe(true);
    expect(heldAt(timeline, 7, LEAH, handover)).toBe(false);
    expect(heldAt(timeline, 7, BEN, handover, 'backup')).toBe(true);
  });

  it('without versions falls back to the current entry, holders since it was created', () => {
    const c = clock();
    const created = c.tick();
    const timeline = accountTimeline(3, [], { ownerId: SAM, created });
    expect(heldAt(timeline, 3, SAM, c.tick())).toBe(true);
    expect(heldAt(timeline, 3, SAM, '2026-01-01T00:00:00Z')).toBe(false);
  });

  it('credits nobody before the oldest kept version when older ones were trimmed', () => {
    const c = clock();
    const created = c.tick();
    const kept = c.tick();
    const timeline = accountTimeline(3, [{ at: kept, ownerId: SAM }], { ownerId: SAM, created });
    expect(heldAt(timeline, 3, SAM, created)).toBe(false);
    expect(heldAt(timeline, 3, SAM, c.tick())).toBe(true);
  });
});
