// Server times for the trust fixtures: each record gets the next id and a later Created, the way
// SharePoint numbers and stamps items (never two identical stamps).

const BASE = Date.parse('2026-03-02T09:00:00Z');

export function clock() {
  let id = 0;
  let minutes = 0;
  return {
    /** The next moment, `step` minutes on (default 7). */
    tick(step = 7): string { minutes += step; return new Date(BASE + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'); },
    /** A new record stamped at the next moment. */
    record<T extends object>(authorId: number, fields: T, step?: number) {
      return { id: ++id, authorId, created: this.tick(step), ...fields };
    }
  };
}

export const OLIVIA = 12, BEN = 13, SAM = 11, CHRIS = 14, HANNAH = 15, LEAH = 16;
