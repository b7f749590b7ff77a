import { describeStaffedHours } from './staffedHours';

// The history of one register entry, read from the versions SharePoint keeps of it: each version is
// the whole entry as saved, by whom (its Editor) and when (its Created). What changed is the
// difference from the version before, field by field, in words a person reads ("Owner: Ann Patel →
// Ben Okafor"), never as raw column values.

/** The fields of an entry a person cares about, in the order the detail shows them. */
export const HISTORY_FIELDS = [
  'name', 'platform', 'handle', 'profileUrl', 'service', 'owner', 'backup', 'status', 'objectives',
  'contentPlan', 'staffedHours', 'profileStatesHours', 'responseTargetHours', 'hashtags', 'fromRequestId'
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** A person as a version names them (SharePoint's FieldUserValue). */
export interface VersionPerson { id: number; name: string }

/** One saved state of an entry. */
export interface EntryVersion {
  /** SharePoint's label ("3.0"). */
  label: string;
  /** When this version was saved (server time). */
  at: string;
  editor?: VersionPerson;
  values: Partial<Record<Exclude<HistoryField, 'owner' | 'backup'>, string | number | boolean | null>> & { owner?: VersionPerson | null; backup?: VersionPerson | null };
}

export interface FieldChange {
  field: HistoryField;
  /** The value before and after, as text; undefined where there was none. */
  from?: string;
  to?: string;
}

export interface HistoryEntry {
  label: string;
  at: string;
  by?: string;
  /** The first version: the entry was added (changes then list what it was added with). */
  added: boolean;
  changes: FieldChange[];
}

/** Words for values that are not plain text (yes/no, hours), supplied by the caller's language. */
export interface ValueWords {
  yes: string;
  no: string;
  hours(n: number): string;
  unreadableHours: string;
}

function asText(field: HistoryField, v: EntryVersion['values'], words: ValueWords): string | undefined {
  const raw = v[field as keyof EntryVersion['values']];
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (typeof raw === 'object') return raw.name || `#${raw.id}`;
  if (field === 'staffedHours') return describeStaffedHours(String(raw)) ?? words.unreadableHours;
  if (field === 'responseTargetHours' && typeof raw === 'number') return words.hours(raw);
  if (typeof raw === 'boolean') return raw ? words.yes : words.no;
  return String(raw);
}

/** Two person values are the same when they name the same person (a renamed person is no change). */
function sameValue(field: HistoryField, a: EntryVersion['values'], b: EntryVersion['values'], words: ValueWords): boolean {
  if (field === 'owner' || field === 'backup') return (a[field]?.id ?? null) === (b[field]?.id ?? null);
  return asText(field, a, words) === asText(field, b, words);
}

/** The differences between two versions (or what the first was added with, when `before` is missing). */
export function changesBetween(before: EntryVersion | undefined, after: EntryVersion, words: ValueWords): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of HISTORY_FIELDS) {
    if (before && sameValue(field, before.values, after.values, words)) continue;
    const to = asText(field, after.values, words);
    const from = before ? asText(field, before.values, words) : undefined;
    if (!before && to === undefined) continue;
    out.push({ field, from, to });
  }
  return out;
}

/**
 * The entry's history, newest first. Versions may come in any order (they are sorted by time, then
 * label); a save that changed nothing a person reads is kept, with no changes, so the list still
 * says someone saved it then.
 */
export function entryHistory(versions: readonly EntryVersion[], words: ValueWords): HistoryEntry[] {
  const ordered = [...versions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || parseFloat(a.label) - parseFloat(b.label));
  return ordered.map((v, n) => ({
    label: v.label, at: v.at, by: v.editor?.name, added: n === 0 && parseFloat(v.label) === 1,
    changes: changesBetween(ordered[n - 1], v, words)
  })).reverse();
}
