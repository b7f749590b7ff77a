import { isBefore } from './records';

// Who owned or backed up which account, and when. A report or credential counts only if its author
// held the account at the moment SharePoint recorded it (its Created), not now: someone who handed
// an account over keeps their past reports, and a new owner cannot claim the months before them.

export type AccountRole = 'owner' | 'backup';

/** One person holding one role on one account from `from` until `to` (open while they still hold it). */
export interface HoldingPeriod {
  accountId: number;
  userId: number;
  role: AccountRole;
  from: string;
  to?: string;
}

export type RegisterTimeline = readonly HoldingPeriod[];

/** One saved state of a register entry: who was owner and backup from `at` (that version's Modified). */
export interface AccountVersion {
  accountId: number;
  ownerId?: number;
  backupId?: number;
  at: string;
}

/** The timeline from the register's version history (any order; each version is a full state). */
export function timelineFromVersions(versions: readonly AccountVersion[]): HoldingPeriod[] {
  const periods: HoldingPeriod[] = [];
  const byAccount = new Map<number, AccountVersion[]>();
  for (const v of versions) byAccount.set(v.accountId, [...(byAccount.get(v.accountId) ?? []), v]);
  for (const [accountId, history] of byAccount) {
    const open: Partial<Record<AccountRole, HoldingPeriod>> = {};
    for (const v of [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
      for (const role of ['owner', 'backup'] as const) {
        const holder = role === 'owner' ? v.ownerId : v.backupId;
        const current = open[role];
        if (current && current.userId === holder) continue;
        if (current) { current.to = v.at; delete open[role]; }
        if (holder !== undefined) {
          const period: HoldingPeriod = { accountId, userId: holder, role, from: v.at };
          periods.push(period);
          open[role] = period;
        }
      }
    }
  }
  return periods;
}

/**
 * The timeline when only the register's current values are known: today's owner and backup are
 * taken to have held the account since it was created. Coarser than the history (a past owner's
 * records stop counting, a new owner's earlier ones start), so use it only where versions are missing.
 */
export function timelineFromCurrent(accounts: readonly { accountId: number; ownerId?: number; backupId?: number; created: string }[]): HoldingPeriod[] {
  return timelineFromVersions(accounts.map((a) => ({ accountId: a.accountId, ownerId: a.ownerId, backupId: a.backupId, at: a.created })));
}

/** One saved state of an entry as its version history gives it (no account id: one entry's history). */
export interface HolderVersion {
  at: string;
  ownerId?: number;
  backupId?: number;
}

/**
 * One account's timeline from its version history, so an earlier owner's records keep counting after
 * a handover and a new owner's older ones do not start to. With no versions at all (a list without
 * version history) it falls back to the current entry, holders taken to have held it since it was
 * created. When older versions were trimmed, the oldest kept one starts the timeline: nobody is
 * credited with a time the history does not show.
 */
export function accountTimeline(accountId: number, versions: readonly HolderVersion[], current: { ownerId?: number; backupId?: number; created: string }): HoldingPeriod[] {
  if (versions.length === 0) return timelineFromCurrent([{ accountId, ...current }]);
  return timelineFromVersions(versions.map((v) => ({ accountId, ownerId: v.ownerId, backupId: v.backupId, at: v.at })));
}

/** Did this person hold the account (as owner or backup, or the role asked) at that moment? */
export function heldAt(timeline: RegisterTimeline, accountId: number, userId: number, at: string, role?: AccountRole): boolean {
  return timeline.some((p) => p.accountId === accountId && p.userId === userId && (!role || p.role === role)
    && !isBefore(at, p.from) && (p.to === undefined || isBefore(at, p.to)));
}
