import { parseStaffedHours, WEEK_DAYS, type StaffedHours, type StaffedSlot, type WeekDay } from './staffedHours';

// Staffed hours written by people (and by the register's export, describeStaffedHours): "24/7", or
// parts separated by ";", each days then times, such as "Mon–Fri 09:00–17:00; Sat, Sun 10:00–14:00".
// A hyphen stands for the en dash, days may be spelt out ("Monday") and times may drop the leading
// zero ("9:00"). The stored JSON form is accepted too, so a file made from the list itself reads.

export type StaffedHoursRead = { ok: true; stored: string } | { ok: false; message: string };

const HOW = 'Write staffed hours as days and times, such as "Mon–Fri 09:00–17:00", several parts separated by ";", or "24/7".';
const SLOT = /^(.+?)\s+(\d{1,2}):(\d{2})\s*[–-]\s*(\d{1,2}):(\d{2})$/;

const SPELT: Readonly<Record<string, WeekDay>> = {
  monday: 'Mon', tues: 'Tue', tuesday: 'Tue', wednesday: 'Wed', thur: 'Thu', thurs: 'Thu', thursday: 'Thu', friday: 'Fri', saturday: 'Sat', sunday: 'Sun'
};

function dayOf(word: string): WeekDay | undefined {
  const w = word.trim().toLowerCase();
  return WEEK_DAYS.find((d) => d.toLowerCase() === w) ?? SPELT[w];
}

function daysOf(text: string): WeekDay[] | undefined {
  const out = new Set<WeekDay>();
  for (const part of text.split(',')) {
    const range = part.split(/[–-]/);
    if (range.length === 1) {
      const d = dayOf(range[0]);
      if (!d) return undefined;
      out.add(d);
    } else if (range.length === 2) {
      const a = dayOf(range[0]), b = dayOf(range[1]);
      if (!a || !b || WEEK_DAYS.indexOf(a) > WEEK_DAYS.indexOf(b)) return undefined;
      for (let i = WEEK_DAYS.indexOf(a); i <= WEEK_DAYS.indexOf(b); i++) out.add(WEEK_DAYS[i]);
    } else return undefined;
  }
  return WEEK_DAYS.filter((d) => out.has(d));
}

const time = (h: string, m: string): string | undefined => (Number(h) <= 23 && Number(m) <= 59 ? `${h.padStart(2, '0')}:${m}` : undefined);

export function readStaffedHoursText(text: string): StaffedHoursRead {
  const t = text.trim();
  if (t.startsWith('{')) {
    const parsed = parseStaffedHours(t);
    return parsed ? { ok: true, stored: JSON.stringify(parsed) } : { ok: false, message: HOW };
  }
  if (/^24\s*\/\s*7$/.test(t)) return { ok: true, stored: JSON.stringify({ always: true } satisfies StaffedHours) };
  const slots: StaffedSlot[] = [];
  for (const part of t.split(';')) {
    const m = SLOT.exec(part.trim());
    const days = m ? daysOf(m[1]) : undefined;
    const from = m ? time(m[2], m[3]) : undefined, to = m ? time(m[4], m[5]) : undefined;
    if (!m || !days || days.length === 0 || !from || !to) return { ok: false, message: `"${part.trim()}" does not read as days and times. ${HOW}` };
    if (from === to) return { ok: false, message: `In "${part.trim()}" the start and the end are the same time. ${HOW}` };
    slots.push({ days, from, to });
  }
  return { ok: true, stored: JSON.stringify({ slots } satisfies StaffedHours) };
}
