import { byCreated, judge, type TrustRecord, type Verdict } from './records';

export interface Submitted extends TrustRecord {
  /** The client-made id of the write; absent on records written before ids existed. */
  submissionId?: string;
}

/**
 * Idempotency by reading (PRODUCT.md §3): a retry may have written the same thing twice. Each
 * author's client-made id counts once, the earliest; another author reusing an id is someone else's
 * write and counts on its own (nobody can cancel another's record by guessing their id).
 */
export function firstBySubmissionId<T extends Submitted>(records: readonly T[]): Verdict<T> {
  const first = new Map<string, T>();
  for (const r of [...records].sort(byCreated)) {
    if (!r.submissionId) continue;
    const key = `${r.authorId}\u0000${r.submissionId}`;
    if (!first.has(key)) first.set(key, r);
  }
  return judge(records, (r) => (r.submissionId && first.get(`${r.authorId}\u0000${r.submissionId}`) !== r ? 'duplicate' : undefined));
}
