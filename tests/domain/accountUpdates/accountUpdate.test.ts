import fc from 'fast-check';
import { validateAccountUpdate, type AccountUpdateInput } from '../../../src/domain/accountUpdates';

const good: AccountUpdateInput = {
  rota: 'Olivia weekdays; Ben covers leave', staffedHours: { allHours: true, slots: [], profileWillSaySo: false }, responseTargetHours: '24', contentPlan: 'Two posts a week.'
};

describe('an account update', () => {
  it('stores what was typed and the hours in the register\'s shape', () => {
    const checked = validateAccountUpdate(good);
    expect(checked).toEqual({ ok: true, value: { rota: good.rota, staffedHours: '{"always":true}', profileStatesHours: false, responseTargetHours: 24, contentPlan: good.contentPlan } });
  });

  it('explains each missing or bad part', () => {
    const checked = validateAccountUpdate({ rota: ' ', staffedHours: { allHours: false, slots: [], profileWillSaySo: false }, responseTargetHours: '0', contentPlan: '' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems).sort()).toEqual(['contentPlan', 'responseTargetHours', 'rota', 'staffedHours']);
    expect(checked.problems.responseTargetHours).toMatch(/between 1 and 168/);
  });

  it('never throws, and keeps any accepted text exactly', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), fc.string({ maxLength: 5 }), (rota, plan, target) => {
      const checked = validateAccountUpdate({ ...good, rota, contentPlan: plan, responseTargetHours: target });
      if (checked.ok) {
        expect(checked.value.rota).toBe(rota);
        expect(checked.value.contentPlan).toBe(plan);
        expect(checked.value.responseTargetHours).toBe(Number(target.trim()));
      } else {
        expect(Object.values(checked.problems).every((m) => typeof m === 'string' && m.length > 0)).toBe(true);
      }
    }));
  });
});
