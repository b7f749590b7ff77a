// The shape every trust rule reads: a record as SharePoint stored it, with the only "who" and "when"
// the product trusts (PRODUCT.md §3): the item's Author and Created, which no ordinary client can set.

export interface TrustRecord {
  id: number;
  /** SharePoint user id of the item's Author. */
  authorId: number;
  /** The item's Created, as the server recorded it (ISO string). */
  created: string;
  /** The item's Modified; differs from Created once someone edited the item. */
  modified?: string;
  /** The item's version label ("1.0" until edited) where the list keeps versions. */
  versionLabel?: string;
}

/** Why a record does not count. Readers ignore it; some (a planted credential) are shown to comms. */
export type IgnoredReason =
  /** Its author was not entitled to write it (not the account's owner or backup then, not in the group). */
  | 'not-entitled'
  /** A second record with the same client-made id by the same author: the earliest counts. */
  | 'duplicate'
  /** Changed after it was written, where records must never change (reviews, decisions). */
  | 'edited'
  /** A revision or withdrawal recorded once the request was already decided. */
  | 'after-decision'
  /** A revision or withdrawal by someone other than the person who wrote the original. */
  | 'not-original-author'
  /** A revision of a request that does not exist (or that the reader cannot see). */
  | 'unknown-original';

export interface IgnoredRecord<T> {
  record: T;
  reason: IgnoredReason;
}

/** A rule's answer: what counts, in the order it was written, and what was ignored and why. */
export interface Verdict<T> {
  counting: T[];
  ignored: IgnoredRecord<T>[];
}

/** A set of people (SharePoint user ids), e.g. the members of the comms group now. */
export type People = ReadonlySet<number> | readonly number[];

export const isIn = (people: People, userId: number): boolean =>
  Array.isArray(people) ? people.includes(userId) : (people as ReadonlySet<number>).has(userId);

const time = (iso: string): number => Date.parse(iso);

/** Oldest first; the item id breaks ties, since SharePoint's times have whole seconds. */
export function byCreated<T extends TrustRecord>(a: T, b: T): number {
  return time(a.created) - time(b.created) || a.id - b.id;
}

export function isBefore(a: string, b: string): boolean {
  return time(a) < time(b);
}

/** Whether a record was changed after it was written (its Modified moved or its version went up). */
export function editedAfterWriting(r: TrustRecord): boolean {
  if (r.versionLabel !== undefined && r.versionLabel !== '1.0') return true;
  return r.modified !== undefined && time(r.modified) !== time(r.created);
}

/** Splits records by a rule that says, for each, why it does not count (or undefined when it counts). */
export function judge<T extends TrustRecord>(records: readonly T[], whyNot: (r: T) => IgnoredReason | undefined): Verdict<T> {
  const counting: T[] = [];
  const ignored: IgnoredRecord<T>[] = [];
  for (const r of [...records].sort(byCreated)) {
    const reason = whyNot(r);
    if (reason) ignored.push({ record: r, reason });
    else counting.push(r);
  }
  return { counting, ignored };
}

/** The latest record per key among those that count (later Created wins; id breaks ties). */
export function latestBy<T extends TrustRecord, K>(records: readonly T[], key: (r: T) => K): Map<K, T> {
  const out = new Map<K, T>();
  for (const r of [...records].sort(byCreated)) out.set(key(r), r);
  return out;
}
