// Form digests (X-RequestDigest): `0x<MAC>,<date>` like SharePoint's, tied to the user and valid
// for 30 minutes. They are derived from a persisted secret rather than stored, so they survive a
// restart of the emulator the way a tenant's survive a front-end recycle.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DIGEST_TIMEOUT_SECONDS = 1800;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** SharePoint's own digest timestamp format: "06 Jan 2025 12:00:00 -0000". */
function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} -0000`;
}

function parseDate(s: string): number {
  const m = /^(\d{2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) -0000$/.exec(s.trim());
  if (!m) return NaN;
  const month = MONTHS.indexOf(m[2]);
  if (month < 0) return NaN;
  return Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function mac(secret: string, upn: string, date: string): string {
  return createHmac('sha512', secret).update(`${upn.toLowerCase()}|${date}`).digest('hex').toUpperCase();
}

export function issueDigest(secret: string, upn: string, now = new Date()): string {
  const date = formatDate(now);
  return `0x${mac(secret, upn, date)},${date}`;
}

export function isDigestValid(secret: string, upn: string, value: string | undefined, now = Date.now()): boolean {
  if (!value) return false;
  const comma = value.indexOf(',');
  if (comma < 0 || !value.startsWith('0x')) return false;
  const date = value.slice(comma + 1);
  const issued = parseDate(date);
  if (Number.isNaN(issued) || now - issued > DIGEST_TIMEOUT_SECONDS * 1000 || issued - now > 60_000) return false;
  const expected = Buffer.from(mac(secret, upn, date));
  const given = Buffer.from(value.slice(2, comma).toUpperCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
