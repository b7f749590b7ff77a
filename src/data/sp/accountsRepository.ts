import './pnp';
import type { SPFI } from './pnp';
import { ACCOUNT_STATUS, ACCOUNT_STATUSES, BUILT_IN, LISTS, PERSON, VERSION, fieldNames, lookupId, through } from '../schema';
import { accountTimeline, type HoldingPeriod } from '../../domain/trust';
import type { AccountPerson, AccountStaffing, IAccountsRepository, IRegisterTimeline } from '../../services/ports/accounts';

interface HolderItem { Id: number; Created: string; [lookup: string]: number | string | null }
/** A version as SharePoint serves it: person fields as FieldUserValue ({ LookupId, LookupValue }). */
interface HolderVersionItem { Created: string; [person: string]: { LookupId?: number } | string | null | undefined }
/** Entries whose versions one $batch reads (SharePoint takes up to 100 requests in a batch). */
const VERSION_BATCH = 100;
const holderOf = (v: HolderVersionItem[string]): number | undefined => (v && typeof v === 'object' && typeof v.LookupId === 'number' ? v.LookupId : undefined);
import { guarded } from '../errors/normalise';
import { odataString } from './odata';
import { upnOf } from './claims';
import { IMPORT_RUN_COLUMN, completeRuns, isShown } from './importVisibility';

interface PersonValue { Id?: number; Title?: string; EMail?: string; Name?: string }
interface AccountItem {
  Id: number;
  Title: string;
  Platform: string;
  Handle: string;
  AccountStatus: string;
  Owner?: PersonValue;
  Backup?: PersonValue;
}

const F = fieldNames(LISTS.accounts);
const OPEN_STATUSES = ACCOUNT_STATUSES.filter((s) => s !== ACCOUNT_STATUS.closed);
const PERSON_PROPS = [PERSON.Id, PERSON.Title, PERSON.EMail, PERSON.Name];
const STAFFING_SELECT = [BUILT_IN.Id, BUILT_IN.Title, F.Platform, F.Handle, F.AccountStatus, IMPORT_RUN_COLUMN, ...[F.Owner, F.Backup].flatMap((f) => PERSON_PROPS.map((p) => through(f, p)))];


const person = (p?: PersonValue): AccountPerson | undefined => (p?.Id ? { userId: p.Id, name: p.Title ?? '', email: p.EMail ?? '', login: upnOf(p.Name, p.EMail ?? '') } : undefined);

export class SpAccountsRepository implements IAccountsRepository, IRegisterTimeline {
  public constructor(private readonly sp: SPFI) {}

  public staffedAccounts(): Promise<AccountStaffing[]> {
    return guarded(async () => {
      // Equality on the indexed status field (an "or" of the open states) rather than "ne Closed",
      // which cannot use the index.
      const filter = OPEN_STATUSES.map((s) => `${F.AccountStatus} eq ${odataString(s)}`).join(' or ');
      // Entries of an unfinished import are not accounts yet (importVisibility.ts); runs are asked first.
      const complete = await completeRuns(this.sp.web);
      const query = this.sp.web.lists.getByTitle(LISTS.accounts.title).items.filter(filter)
        .select(...STAFFING_SELECT).expand(F.Owner, F.Backup).top(5000);
      const out: AccountStaffing[] = [];
      for await (const page of query as AsyncIterable<AccountItem[]>) {
        for (const a of page) {
          if (!isShown(a as unknown as Record<string, unknown>, complete)) continue;
          out.push({ accountId: a.Id, accountName: `${a.Title || a.Handle} (${a.Platform})`, status: a.AccountStatus, owner: person(a.Owner), backup: person(a.Backup) });
        }
      }
      return out;
    });
  }

  /**
   * The owner/backup timeline of every account (closed ones too: their old reports count), from each
   * register entry's versions: who held it when, as SharePoint recorded the saves. The entries are
   * read by Id (no filter, so paging stays under the list view threshold), then their versions, a
   * hundred entries to a $batch. An entry without versions (a list without version history) falls
   * back to its current holders since it was created.
   */
  public registerTimeline(): Promise<HoldingPeriod[]> {
    return guarded(async () => {
      const owner = lookupId(F.Owner), backup = lookupId(F.Backup);
      // No filter, so paging by Id (SharePoint's default order) stays under the list view threshold.
      const complete = await completeRuns(this.sp.web);
      const query = this.sp.web.lists.getByTitle(LISTS.accounts.title).items.select(BUILT_IN.Id, BUILT_IN.Created, owner, backup, IMPORT_RUN_COLUMN).top(5000);
      const accounts: { accountId: number; ownerId?: number; backupId?: number; created: string }[] = [];
      for await (const page of query as AsyncIterable<HolderItem[]>) {
        for (const a of page) {
          if (!isShown(a, complete)) continue;
          accounts.push({ accountId: a.Id, created: a.Created, ownerId: typeof a[owner] === 'number' ? a[owner] as number : undefined, backupId: typeof a[backup] === 'number' ? a[backup] as number : undefined });
        }
      }
      const periods: HoldingPeriod[] = [];
      for (let at = 0; at < accounts.length; at += VERSION_BATCH) {
        const chunk = accounts.slice(at, at + VERSION_BATCH);
        const [batched, execute] = this.sp.batched({ maxRequests: VERSION_BATCH });
        const reads = chunk.map((a) => batched.web.lists.getByTitle(LISTS.accounts.title).items.getById(a.accountId).versions
          .select(VERSION.Created, F.Owner, F.Backup).top(5000)<HolderVersionItem[]>());
        await execute();
        const versions = await Promise.all(reads);
        chunk.forEach((a, n) => periods.push(...accountTimeline(a.accountId, versions[n].map((v) => ({
          at: v.Created, ownerId: holderOf(v[F.Owner]), backupId: holderOf(v[F.Backup])
        })), a)));
      }
      return periods;
    });
  }
}
