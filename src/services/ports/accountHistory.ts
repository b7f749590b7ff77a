import type { EntryVersion } from '../../domain/register/accountHistory';
import type { StoredAccountUpdate } from './accountUpdates';

// The history of one register entry as SharePoint keeps it: the entry's versions (the list keeps
// them; reading them needs View Versions, which everyone's Read level includes), the account updates
// filed for it, and the request it came from when the reader may open that request.

/** The request an entry came from, as far as the reader may see it. */
export type SourceRequest =
  /** The reader may open it; `authorId` says whether it is theirs (then it opens among their requests). */
  | { id: number; readable: true; authorId: number }
  /** SharePoint does not show it to this reader (it is someone else's request). */
  | { id: number; readable: false };

export interface AccountHistoryRecords {
  /** Every version of the entry, any order. */
  versions: EntryVersion[];
  /** Every update filed for the account, oldest first. */
  updates: StoredAccountUpdate[];
  /** Members of the comms group now (their updates count). */
  commsIds: number[];
  request?: SourceRequest;
}

export interface IAccountHistory {
  /**
   * Everything the history shows, in as few round trips as SharePoint allows (one $batch unless the
   * entry has more versions or the update list more items than that batch reads).
   */
  read(accountId: number, fromRequestId?: number): Promise<AccountHistoryRecords>;
  /** Only the versions (for the owner/backup timeline the trust rules read). */
  versions(accountId: number): Promise<EntryVersion[]>;
}
