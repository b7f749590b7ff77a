import { heldAt, type RegisterTimeline } from './register';
import { isIn, judge, latestBy, type People, type TrustRecord, type Verdict } from './records';

// Records about one account that anyone may add, but that count only when their author was entitled
// to write them at the time: the account's owner or backup per the register (and for some, comms).

export interface AccountRecord extends TrustRecord {
  accountId: number;
}

export interface MonthlyReportRecord extends AccountRecord {
  /** "YYYY-MM". */
  month: string;
}

export interface RegisterContext {
  timeline: RegisterTimeline;
  /** Members of the comms group now. */
  comms: People;
}

const ownerOrBackupThen = (timeline: RegisterTimeline, r: AccountRecord): boolean => heldAt(timeline, r.accountId, r.authorId, r.created);

/** An owner's operational record (rota, hours, response target): owner or backup then, or comms. */
export function countingAccountUpdates<T extends AccountRecord>(records: readonly T[], ctx: RegisterContext): Verdict<T> {
  return judge(records, (r) => (ownerOrBackupThen(ctx.timeline, r) || isIn(ctx.comms, r.authorId) ? undefined : 'not-entitled'));
}

/** The current operational record of each account: the latest that counts. */
export function currentAccountUpdates<T extends AccountRecord>(records: readonly T[], ctx: RegisterContext): Map<number, T> {
  return latestBy(countingAccountUpdates(records, ctx).counting, (r) => r.accountId);
}

/** A monthly report counts only if its author owned or backed up the account when it was filed. */
export function countingMonthlyReports<T extends MonthlyReportRecord>(records: readonly T[], ctx: { timeline: RegisterTimeline }): Verdict<T> {
  return judge(records, (r) => (ownerOrBackupThen(ctx.timeline, r) ? undefined : 'not-entitled'));
}

/** The report of each account and month ("accountId|YYYY-MM"): the latest that counts. */
export function currentMonthlyReports<T extends MonthlyReportRecord>(records: readonly T[], ctx: { timeline: RegisterTimeline }): Map<string, T> {
  return latestBy(countingMonthlyReports(records, ctx).counting, (r) => `${r.accountId}|${r.month}`);
}

/**
 * Shared credentials count if their author owned or backed up the account then, or is in comms. The
 * ignored ones are shown to comms: someone stored a password for an account that is not theirs.
 */
export function countingCredentials<T extends AccountRecord>(records: readonly T[], ctx: RegisterContext): Verdict<T> {
  return countingAccountUpdates(records, ctx);
}

/** The credentials in force for each account: the latest that counts. */
export function currentCredentials<T extends AccountRecord>(records: readonly T[], ctx: RegisterContext): Map<number, T> {
  return latestBy(countingCredentials(records, ctx).counting, (r) => r.accountId);
}
