import { REQUEST_LIMITS as L } from '../requests/limits';
import { WEEKDAYS, type FormProblem, type HoursSlot, type StaffedHours, type StaffedHoursInput, type Weekday } from '../requests/types';

// Staffed hours, the weekly slots someone watches an account (PRODUCT.md C2, C3): one check for the
// new-account form and the owners' account updates, and the conversions between the two stored
// shapes. A request keeps { allHours, slots: [{ day, from, to }], profileWillSaySo } in its Details;
// the register keeps { "always": true } or { "slots": [{ "days": [...], "from", "to" }] } in a Note
// field (src/domain/register/staffedHours.ts reads it for people). Editors work on the request's
// shape and convert at the edges.

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * When the account is watched: around the clock, or slots of a day each. Problems carry paths below
 * `path` ('staffedHours.slots', 'staffedHours.slots.2.from') so an editor can put each beside its
 * control: no slots, a slot without its day, a time that is not one, a slot that ends before it
 * starts, two slots of one day that overlap.
 */
export function staffedHours(input: StaffedHoursInput, path: string): { value?: StaffedHours; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const add = (p: string, message: string): void => { problems.push({ path: `${path}.${p}`, message }); };
  if (input.allHours) return { value: { allHours: true, slots: [], profileWillSaySo: input.profileWillSaySo }, problems };
  if (input.slots.length === 0) add('slots', 'Add the days and times someone will watch the account, or choose "24 hours a day, every day".');
  if (input.slots.length > L.maxSlots) add('slots', `Use at most ${L.maxSlots} time slots (two a day).`);
  const slots: HoursSlot[] = [];
  input.slots.forEach((s, i) => {
    const day = WEEKDAYS.includes(s.day as Weekday) ? (s.day as Weekday) : undefined;
    if (!day) add(`slots.${i}.day`, 'Choose the day of the week.');
    const from = TIME.test(s.from) && s.from !== '24:00';
    const to = TIME.test(s.to) && s.to !== '00:00';
    if (!from) add(`slots.${i}.from`, 'Give the start time as hours and minutes, like 09:00.');
    if (!to) add(`slots.${i}.to`, 'Give the end time as hours and minutes, like 17:00 (24:00 for midnight).');
    if (from && to && minutes(s.from) >= minutes(s.to)) add(`slots.${i}.to`, `The end time must be after the start time (${s.from}). For cover past midnight, add a second slot on the next day from 00:00.`);
    if (day && from && to && minutes(s.from) < minutes(s.to)) slots.push({ day, from: s.from, to: s.to });
  });
  // Overlapping slots on one day are a slip: say which two.
  input.slots.forEach((s, i) => {
    for (let j = 0; j < i; j++) {
      const o = input.slots[j];
      if (o.day !== s.day || !TIME.test(s.from) || !TIME.test(s.to) || !TIME.test(o.from) || !TIME.test(o.to)) continue;
      if (minutes(s.from) < minutes(o.to) && minutes(o.from) < minutes(s.to)) add(`slots.${i}.from`, `This overlaps the ${o.from}–${o.to} slot on the same day. Join them into one slot, or change the times.`);
    }
  });
  return { value: problems.length ? undefined : { allHours: false, slots, profileWillSaySo: input.profileWillSaySo }, problems };
}

/** Staffed hours as the register stores them (its Note field's JSON). */
export function registerStaffedHoursJson(h: StaffedHours): string {
  if (h.allHours) return JSON.stringify({ always: true });
  return JSON.stringify({ slots: h.slots.map((s) => ({ days: [s.day], from: s.from, to: s.to })) });
}

/**
 * The register's JSON as an editor's value, one slot per day (a stored slot of several days becomes
 * one each); undefined when the JSON is not the register's shape. `profileStatesHours` is its own field.
 */
export function staffedHoursInputFromRegister(json: string | undefined, profileStatesHours: boolean): StaffedHoursInput | undefined {
  if (!json) return undefined;
  let value: unknown;
  try { value = JSON.parse(json); } catch { return undefined; }
  const v = value as { always?: unknown; slots?: unknown } | null;
  if (!v || typeof v !== 'object') return undefined;
  if (v.always === true) return { allHours: true, slots: [], profileWillSaySo: profileStatesHours };
  if (!Array.isArray(v.slots)) return undefined;
  const slots: StaffedHoursInput['slots'] = [];
  for (const raw of v.slots as unknown[]) {
    const s = raw as { days?: unknown; from?: unknown; to?: unknown } | null;
    if (!s || !Array.isArray(s.days) || typeof s.from !== 'string' || typeof s.to !== 'string') return undefined;
    for (const day of WEEKDAYS.filter((d) => (s.days as unknown[]).includes(d))) slots.push({ day, from: s.from, to: s.to });
  }
  return { allHours: false, slots, profileWillSaySo: profileStatesHours };
}
