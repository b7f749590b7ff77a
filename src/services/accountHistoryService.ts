import { accountTimeline, countingAccountUpdates } from '../domain/trust';
import type { EntryVersion } from '../domain/register/accountHistory';
import type { IAccountHistory } from './ports/accountHistory';
import type { StoredAccountUpdate } from './ports/accountUpdates';

// An account's history for its detail panel: who changed the register entry, what and when (the
// entry's versions), the request it came from (with where the reader can open it), and the account
// updates filed for it, each with whether it counts. Read when the panel asks, in one $batch; it
// shows what SharePoint lets the reader see, and asks for nothing more.

export interface FiledUpdateLine {
  id: number;
  authorName?: string;
  created: string;
  counts: boolean;
}

export interface AccountHistory {
  /** Every version of the entry (the UI words the differences; domain/register/accountHistory). */
  versions: EntryVersion[];
  /**
   * The request the entry came from. `opensIn` is the page where this reader may open it: their own
   * requests, or comms' review; missing when SharePoint does not show them that request.
   */
  request?: { id: number; opensIn?: 'requests' | 'review' };
  /** Updates filed for the account, newest first. */
  updates: FiledUpdateLine[];
}

export class AccountHistoryService {
  public constructor(private readonly history: IAccountHistory, private readonly me: () => Promise<number>) {}

  public async read(account: { id: number; fromRequestId?: number; ownerId?: number; backupId?: number; created: string }): Promise<AccountHistory> {
    const [records, me] = await Promise.all([this.history.read(account.id, account.fromRequestId), this.me()]);
    const timeline = accountTimeline(account.id, records.versions.map((v) => ({ at: v.at, ownerId: v.values.owner?.id, backupId: v.values.backup?.id })),
      { ownerId: account.ownerId, backupId: account.backupId, created: account.created });
    const verdict = countingAccountUpdates(records.updates, { timeline, comms: records.commsIds });
    const counting = new Set(verdict.counting.map((u) => u.id));
    const line = (u: StoredAccountUpdate): FiledUpdateLine => ({ id: u.id, authorName: u.authorName, created: u.created, counts: counting.has(u.id) });
    const r = records.request;
    return {
      versions: records.versions,
      // Someone else's request that SharePoint still shows them can only be comms' (read-all); a
      // request of their own opens among their requests.
      request: r && { id: r.id, opensIn: r.readable ? (r.authorId === me ? 'requests' : 'review') : undefined },
      updates: [...records.updates].sort((a, b) => Date.parse(b.created) - Date.parse(a.created) || b.id - a.id).map(line)
    };
  }
}
