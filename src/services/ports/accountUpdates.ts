import type { AccountUpdate } from '../../domain/accountUpdates';
import type { AccountRecord } from '../../domain/trust';

// Account updates as SharePoint keeps them: append-only items whose Author and Created decide
// whether they count (the account's owner or backup then, or comms; PRODUCT.md §3).

export interface StoredAccountUpdate extends AccountRecord, AccountUpdate {
  authorName?: string;
  submissionId?: string;
}

export interface IAccountUpdates {
  /** Adds the signed-in person's update once per client-made id; answers with the earliest item of that id. */
  add(accountId: number, update: AccountUpdate, submissionId: string): Promise<StoredAccountUpdate>;
  /** Every update of one account, oldest first. */
  forAccount(accountId: number): Promise<StoredAccountUpdate[]>;
}
