import './pnp';
import type { SPFI } from './pnp';
import { ACCOUNT_STATUS, ACCOUNT_STATUSES, BUILT_IN, LISTS, PERSON, fieldNames, lookupId, through } from '../schema';
import { timelineFromCurrent, type HoldingPeriod } from '../../domain/trust';
import type { AccountPerson, AccountStaffing, IAccountsRepository, IRegisterTimeline } from '../../services/ports/accounts';

interface HolderItem { Id: number; Created: string; [lookup: string]: number | string | null }
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
   * The owner/backup timeline, from the register's current values: today's holders are taken to have
   * held each account since it was created. The register keeps versions, and reading them
   * (items(N)/versions) would give the true history; the emulator does not serve item versions yet,
   * so that reader is not written. Every account is read, closed ones too (their old reports count).
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
      return timelineFromCurrent(accounts);
    });
  }
}
