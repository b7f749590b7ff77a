import './pnp';
import type { SPFI } from './pnp';
import { LISTS } from '../schema';
import type { AccountPerson, AccountStaffing, IAccountsRepository } from '../../services/ports/accounts';
import { guarded } from '../errors/normalise';
import { odataString } from './odata';

interface PersonValue { Id?: number; Title?: string; EMail?: string }
interface AccountItem {
  Id: number;
  Title: string;
  Platform: string;
  Handle: string;
  AccountStatus: string;
  Owner?: PersonValue;
  Backup?: PersonValue;
}

const OPEN_STATUSES = ['Proposed', 'Active', 'Under review', 'Closing'];

const person = (p?: PersonValue): AccountPerson | undefined => (p?.Id ? { userId: p.Id, name: p.Title ?? '', email: p.EMail ?? '' } : undefined);

export class SpAccountsRepository implements IAccountsRepository {
  public constructor(private readonly sp: SPFI) {}

  public staffedAccounts(): Promise<AccountStaffing[]> {
    return guarded(async () => {
      // Equality on the indexed status field (an "or" of the open states) rather than "ne Closed",
      // which cannot use the index.
      const filter = OPEN_STATUSES.map((s) => `AccountStatus eq ${odataString(s)}`).join(' or ');
      const query = this.sp.web.lists.getByTitle(LISTS.accounts.title).items.filter(filter)
        .select('Id', 'Title', 'Platform', 'Handle', 'AccountStatus', 'Owner/Id', 'Owner/Title', 'Owner/EMail', 'Backup/Id', 'Backup/Title', 'Backup/EMail')
        .expand('Owner', 'Backup').top(5000);
      const out: AccountStaffing[] = [];
      for await (const page of query as AsyncIterable<AccountItem[]>) {
        for (const a of page) {
          out.push({ accountId: a.Id, accountName: `${a.Title || a.Handle} (${a.Platform})`, status: a.AccountStatus, owner: person(a.Owner), backup: person(a.Backup) });
        }
      }
      return out;
    });
  }
}
