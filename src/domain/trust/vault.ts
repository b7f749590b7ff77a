import { isIn, judge, latestBy, type People, type TrustRecord, type Verdict } from './records';

// A vault public key belongs to its Author (there is no member field to forge) and counts only while
// that author is in the comms group: someone who leaves comms stops receiving new secrets.

export function countingVaultPublicKeys<T extends TrustRecord>(records: readonly T[], ctx: { comms: People }): Verdict<T> {
  return judge(records, (r) => (isIn(ctx.comms, r.authorId) ? undefined : 'not-entitled'));
}

/** Each comms member's key in force: the latest that counts, by author. */
export function currentVaultPublicKeys<T extends TrustRecord>(records: readonly T[], ctx: { comms: People }): Map<number, T> {
  return latestBy(countingVaultPublicKeys(records, ctx).counting, (r) => r.authorId);
}
