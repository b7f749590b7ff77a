import fc from 'fast-check';
import { registerStaffedHoursJson, staffedHours, staffedHoursInputFromRegister } from '../../../src/domain/hours';
import { describeStaffedHours } from '../../../src/domain/register/staffedHours';
import { WEEKDAYS, type StaffedHoursInput } from '../../../src/domain/requests';

// The one staffed-hours check both editors use, and the conversions between the request's shape and
// the register's JSON.

const week = (slots: StaffedHoursInput['slots'], allHours = false): StaffedHoursInput => ({ allHours, slots, profileWillSaySo: true });
const paths = (h: StaffedHoursInput) => staffedHours(h, 'staffedHours').problems.map((p) => p.path);

it('asks for at least one slot unless watched around the clock', () => {
  expect(paths(week([]))).toEqual(['staffedHours.slots']);
  expect(staffedHours(week([], true), 'staffedHours')).toEqual({ value: { allHours: true, slots: [], profileWillSaySo: true }, problems: [] });
});

it('puts each problem on its slot: a missing day, a time that is not one, an end before the start, an overlap', () => {
  expect(paths(week([{ day: '', from: '09:00', to: '17:00' }]))).toEqual(['staffedHours.slots.0.day']);
  expect(paths(week([{ day: 'Mon', from: '9am', to: '17:00' }]))).toEqual(['staffedHours.slots.0.from']);
  const backwards = staffedHours(week([{ day: 'Tue', from: '17:00', to: '09:00' }]), 'h').problems;
  expect(backwards).toEqual([{ path: 'h.slots.0.to', message: expect.stringContaining('after the start time (17:00)') }]);
  const overlap = staffedHours(week([{ day: 'Wed', from: '09:00', to: '13:00' }, { day: 'Wed', from: '12:30', to: '17:00' }, { day: 'Thu', from: '12:30', to: '17:00' }]), 'h').problems;
  expect(overlap).toEqual([{ path: 'h.slots.1.from', message: 'This overlaps the 09:00–13:00 slot on the same day. Join them into one slot, or change the times.' }]);
  // Touching is not overlapping: either side of lunch.
  expect(paths(week([{ day: 'Wed', from: '09:00', to: '12:30' }, { day: 'Wed', from: '12:30', to: '17:00' }]))).toEqual([]);
});

it('converts to the register\'s JSON and back, slot for slot', () => {
  const h = week([{ day: 'Mon', from: '09:00', to: '17:00' }, { day: 'Sat', from: '10:00', to: '12:00' }]);
  const json = registerStaffedHoursJson(staffedHours(h, 'h').value!);
  expect(JSON.parse(json)).toEqual({ slots: [{ days: ['Mon'], from: '09:00', to: '17:00' }, { days: ['Sat'], from: '10:00', to: '12:00' }] });
  expect(describeStaffedHours(json)).toBe('Mon 09:00–17:00; Sat 10:00–12:00');
  expect(staffedHoursInputFromRegister(json, true)).toEqual(h);
  expect(staffedHoursInputFromRegister('{"always":true}', false)).toEqual({ allHours: true, slots: [], profileWillSaySo: false });
});

it('reads a register slot of several days (as CSV import or comms may store it) as one slot a day, and refuses other shapes', () => {
  expect(staffedHoursInputFromRegister('{"slots":[{"days":["Fri","Mon"],"from":"08:00","to":"16:00"}]}', false)?.slots).toEqual([
    { day: 'Mon', from: '08:00', to: '16:00' }, { day: 'Fri', from: '08:00', to: '16:00' }
  ]);
  for (const bad of [undefined, '', 'not json', 'null', '[]', '{"slots":"Mon"}', '{"slots":[{"days":"Mon","from":"09:00","to":"17:00"}]}']) {
    expect(staffedHoursInputFromRegister(bad, false)).toBeUndefined();
  }
});

it('any accepted week survives the trip through the register\'s JSON unchanged', () => {
  const time = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => [h, m] as const);
  const slot = fc.tuple(fc.constantFrom(...WEEKDAYS), time, fc.integer({ min: 1, max: 60 })).map(([day, [h, m], len]) => {
    const end = Math.min(h * 60 + m + len, 24 * 60 - 1);
    const t = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
    return { day, from: t(h * 60 + m), to: t(end) };
  });
  fc.assert(fc.property(fc.array(slot, { minLength: 1, maxLength: 6 }), fc.boolean(), (slots, says) => {
    const input: StaffedHoursInput = { allHours: false, slots, profileWillSaySo: says };
    const checked = staffedHours(input, 'h');
    if (!checked.value) return;
    expect(staffedHoursInputFromRegister(registerStaffedHoursJson(checked.value), says)).toEqual(input);
  }));
});
