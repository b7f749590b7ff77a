import { AppError } from '../domain/errors';
import { validateAccountUpdate, type AccountUpdateInput } from '../domain/accountUpdates';
import { accountTimeline, countingAccountUpdates, type IgnoredRecord } from '../domain/trust';
import type { IAccountHistory } from './ports/accountHistory';
import type { IAccountUpdates, StoredAccountUpdate } from './ports/accountUpdates';
import type { IActivityLog } from './ports/activity';
import type { IGroupMembership } from './ports/groups';

// The operational part of an account, kept current by its owner and backup (PRODUCT.md C2). Anyone
// can add an update (SharePoint's list lets everyone add); only those by the account's owner or
// backup at the time, or by comms, count. The latest that counts is what the register shows.

export interface AccountHolders {
  accountId: number;
  ownerId?: number;
  backupId?: number;
  /** When the register entry was created (holders since then, where the entry has no version history). */
  created: string;
}

export interface AccountOperations {
  current?: StoredAccountUpdate;
  /** Updates that do not count, with why (shown to comms). */
  ignored: IgnoredRecord<StoredAccountUpdate>[];
}

export interface FiledUpdate extends AccountOperations {
  record: StoredAccountUpdate;
  /** Whether the update just filed counts. */
  counts: boolean;
}

export class AccountUpdatesService {
  public constructor(
    private readonly updates: IAccountUpdates,
    private readonly groups: IGroupMembership,
    private readonly activity: IActivityLog,
    public readonly newSubmissionId: () => string,
    /** The register entry's versions: who owned and backed up the account when. */
    private readonly history?: Pick<IAccountHistory, 'versions'>
  ) {}

  public async operations(account: AccountHolders): Promise<AccountOperations> {
    const [records, comms, versions] = await Promise.all([
      this.updates.forAccount(account.accountId), this.groups.memberIds('comms'), this.history ? this.history.versions(account.accountId) : Promise.resolve([])
    ]);
    // Owner and backup at the time each update was filed, from the entry's versions: an earlier
    // owner's updates keep counting after a handover, a new owner's older ones do not start to.
    const timeline = accountTimeline(account.accountId, versions.map((v) => ({ at: v.at, ownerId: v.values.owner?.id, backupId: v.values.backup?.id })), account);
    const verdict = countingAccountUpdates(records, { timeline, comms });
    return { current: verdict.counting[verdict.counting.length - 1], ignored: verdict.ignored };
  }

  /** Files the signed-in person's update; says whether it counts. */
  public async file(account: AccountHolders, input: AccountUpdateInput, submissionId: string): Promise<FiledUpdate> {
    const checked = validateAccountUpdate(input);
    if (!checked.ok) throw new AppError('validation', Object.values(checked.problems)[0] ?? 'Check the update.');
    let record = await this.updates.add(account.accountId, checked.value, submissionId);
    const v = checked.value;
    if (record.rota !== v.rota || record.staffedHours !== v.staffedHours || record.profileStatesHours !== v.profileStatesHours || record.responseTargetHours !== v.responseTargetHours || record.contentPlan !== v.contentPlan) {
      // An earlier save of this update went through although its answer never came, and the form was
      // changed since: the changed one is a new update (the latest that counts is current).
      record = await this.updates.add(account.accountId, v, this.newSubmissionId());
    }
    const now = await this.operations(account);
    const counts = now.current?.id === record.id || !now.ignored.some((i) => i.record.id === record.id);
    try {
      await this.activity.append({ action: 'account.updated', targetList: 'accounts', targetId: account.accountId, data: { updateId: record.id, counts } });
    } catch {
      // The log records the update; failing to write it changes nothing that was saved.
    }
    return { ...now, record, counts };
  }
}
