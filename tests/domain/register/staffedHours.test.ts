import fc from 'fast-check';
import { describeStaffedHours, parseStaffedHours } from '../../../src/domain/register/staffedHours';

describe('staffed hours as stored in the register', () => {
  it.each([
    [JSON.stringify({ always: true }), '24/7'],
    [JSON.stringify({ slots: [{ days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], from: '09:00', to: '17:00' }] }), 'Mon–Fri 09:00–17:00'],
    [JSON.stringify({ slots: [{ days: ['Sat', 'Mon'], from: '10:00', to: '12:30' }, { days: ['Tue', 'Wed', 'Thu'], from: '08:00', to: '18:00' }] }), 'Mon, Sat 10:00–12:30; Tue–Thu 08:00–18:00']
  ])('%s reads as %s', (stored, text) => {
    expect(describeStaffedHours(stored)).toBe(text);
  });

  it.each([undefined, '', 'nine to five', '{}', JSON.stringify({ slots: [{ days: ['Someday'], from: '09:00', to: '17:00' }] }), JSON.stringify({ slots: [{ days: ['Mon'], from: '25:00', to: '17:00' }] }), 'null', '[1]'])(
    'anything else (%j) is not guessed at', (stored) => {
      expect(describeStaffedHours(stored)).toBeUndefined();
    });

  it('never throws on any stored text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (stored) => {
      const parsed = parseStaffedHours(stored);
      expect(parsed === undefined || typeof describeStaffedHours(stored) === 'string').toBe(true);
    }));
  });
});
