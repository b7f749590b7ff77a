// IAccountUpdates on SharePoint: append-only items, one list for every account, read by AccountId
// (indexed) so one account's history is one query however many updates the list holds.
import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, PERSON, fieldNames, through } from '../schema';
import { guarded } from '../errors/normalise';
import { odataNumber, odataString } from './odata';
import type { AccountUpdate } from '../../domain/accountUpdates';
import type { IAccountUpdates, StoredAccountUpdate } from '../../services/ports/accountUpdates';

const F = fieldNames(LISTS.accountUpdates);
/** SharePoint's list view threshold: no query step may scan more rows. */
const WINDOW = 5000;
const WINDOWS_PER_BATCH = 5;
const { Id, Title, Created, Modified, AuthorId, Author } = BUILT_IN;
const SELECT = [Id, Created, Modified, AuthorId, F.AccountId, F.Rota, F.StaffedHours, F.ProfileStatesHours, F.ResponseTargetHours, F.ContentPlan, F.SubmissionId, through(Author, PERSON.Title)];

interface Item {
  Id: number; Created: string; Modified?: string; AuthorId: number; Author?: { Title?: string }; AccountId: number;
  Rota?: string | null; StaffedHours?: string | null; ProfileStatesHours?: boolean | null; ResponseTargetHours?: number | null; ContentPlan?: string | null; SubmissionId?: string | null;
}

const toRecord = (i: Item): StoredAccountUpdate => ({
  id: i.Id, authorId: i.AuthorId, created: i.Created, modified: i.Modified, accountId: i.AccountId, authorName: i.Author?.Title,
  rota: i.Rota ?? '', staffedHours: i.StaffedHours ?? '', profileStatesHours: i.ProfileStatesHours === true,
  responseTargetHours: typeof i.ResponseTargetHours === 'number' ? i.ResponseTargetHours : 0, contentPlan: i.ContentPlan ?? '', submissionId: i.SubmissionId ?? undefined
});

export class SpAccountUpdates implements IAccountUpdates {
  public constructor(private readonly sp: SPFI, private readonly me: () => Promise<number>) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LISTS.accountUpdates.title).items;
  }

  private async own(submissionId: string): Promise<Item | undefined> {
    const me = await this.me();
    const [found] = await this.items.filter(`${F.SubmissionId} eq ${odataString(submissionId)} and ${AuthorId} eq ${odataNumber(me)}`).select(...SELECT).expand(Author).orderBy(Id, true).top(1)<Item[]>();
    return found;
  }

  public add(accountId: number, update: AccountUpdate, submissionId: string): Promise<StoredAccountUpdate> {
    return guarded(async () => {
      const existing = await this.own(submissionId);
      if (existing) return toRecord(existing);
      await this.items.add({
        [Title]: `Update of account ${accountId}`, [F.AccountId]: accountId, [F.Rota]: update.rota, [F.StaffedHours]: update.staffedHours,
        [F.ProfileStatesHours]: update.profileStatesHours, [F.ResponseTargetHours]: update.responseTargetHours, [F.ContentPlan]: update.contentPlan, [F.SubmissionId]: submissionId
      });
      // The earliest item of this id answers (a POST repeated after a lost answer can make two).
      const first = await this.own(submissionId);
      if (!first) throw new Error('The update was saved but could not be read back.');
      return toRecord(first);
    });
  }

  /**
   * Every update of one account, oldest first. Anyone may add updates with any AccountId, so one
   * account can hold more than the list view threshold: the list is read in Id windows of 5,000
   * (the Id range narrows first), five windows to a $batch, never with AccountId alone.
   */
  public forAccount(accountId: number): Promise<StoredAccountUpdate[]> {
    return guarded(async () => {
      const [newest] = await this.items.select(Id).orderBy(Id, false).top(1)<{ Id: number }[]>();
      return newest ? updatesAfter(this.sp, accountId, 1, newest.Id) : [];
    });
  }
}

/** The list's newest item id (to know how far the windows go), queued on `sp` (which may be a batch). */
export function newestUpdateId(sp: SPFI): Promise<{ Id: number }[]> {
  return sp.web.lists.getByTitle(LISTS.accountUpdates.title).items.select(Id).orderBy(Id, false).top(1)<{ Id: number }[]>();
}

/** One Id window of an account's updates, queued on `sp` (which may be a batch). */
export function updatesWindow(sp: SPFI, accountId: number, lo: number): Promise<StoredAccountUpdate[]> {
  return sp.web.lists.getByTitle(LISTS.accountUpdates.title).items
    .filter(`${Id} ge ${lo} and ${Id} lt ${lo + WINDOW} and ${F.AccountId} eq ${odataNumber(accountId)}`)
    .select(...SELECT).expand(Author).orderBy(Id, true).top(WINDOW)<Item[]>().then((page) => page.map(toRecord));
}

export const UPDATES_WINDOW = WINDOW;

/** The account's updates with Id from `from` to `newestId`, five windows to a $batch. */
export async function updatesAfter(sp: SPFI, accountId: number, from: number, newestId: number): Promise<StoredAccountUpdate[]> {
  const out: StoredAccountUpdate[] = [];
  for (let start = from; start <= newestId; start += WINDOW * WINDOWS_PER_BATCH) {
    const [batched, execute] = sp.batched();
    const reads: Promise<StoredAccountUpdate[]>[] = [];
    for (let lo = start; lo < start + WINDOW * WINDOWS_PER_BATCH && lo <= newestId; lo += WINDOW) reads.push(updatesWindow(batched, accountId, lo));
    await execute();
    for (const page of await Promise.all(reads)) out.push(...page);
  }
  return out;
}
