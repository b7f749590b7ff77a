// Staffed hours as the register stores them (JSON in a Note field), read for people. The shape:
// { "always": true } for 24/7, or { "slots": [{ "days": ["Mon", …], "from": "09:00", "to": "17:00" }] }.
// Anything else is shown as not readable rather than guessed at.

export const WEEK_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export interface StaffedSlot { days: WeekDay[]; from: string; to: string }
export type StaffedHours = { always: true } | { slots: StaffedSlot[] };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function parseStaffedHours(stored: string | undefined): StaffedHours | undefined {
  if (!stored) return undefined;
  let value: unknown;
  try { value = JSON.parse(stored); } catch { return undefined; }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { always?: unknown; slots?: unknown };
  if (v.always === true) return { always: true };
  if (!Array.isArray(v.slots)) return undefined;
  const slots: StaffedSlot[] = [];
  for (const s of v.slots as unknown[]) {
    const slot = s as Partial<StaffedSlot> | null;
    if (!slot || !Array.isArray(slot.days) || typeof slot.from !== 'string' || typeof slot.to !== 'string') return undefined;
    if (!slot.days.every((d) => (WEEK_DAYS as readonly string[]).includes(d)) || !TIME.test(slot.from) || !TIME.test(slot.to)) return undefined;
    slots.push({ days: WEEK_DAYS.filter((d) => slot.days!.includes(d)), from: slot.from, to: slot.to });
  }
  return { slots };
}

/** "Mon–Fri" for a run of three or more days, else the days listed. */
function dayRange(days: WeekDay[]): string {
  const idx = days.map((d) => WEEK_DAYS.indexOf(d));
  const consecutive = idx.every((n, i) => i === 0 || n === idx[i - 1] + 1);
  return consecutive && days.length >= 3 ? `${days[0]}–${days[days.length - 1]}` : days.join(', ');
}

/** One line for people, e.g. "Mon–Fri 09:00–17:00" or "24/7"; undefined when nothing readable is stored. */
export function describeStaffedHours(stored: string | undefined): string | undefined {
  const h = parseStaffedHours(stored);
  if (!h) return undefined;
  if ('always' in h) return '24/7';
  return h.slots.map((s) => `${dayRange(s.days)} ${s.from}–${s.to}`).join('; ');
}
