import './pnp';
import type { SPFI } from './pnp';
import { ACCOUNT_STATUS, BUILT_IN, LISTS, fieldNames, lookupId } from '../schema';
import { guarded } from '../errors/normalise';
import { odataNumber } from './odata';
import type { IRegisterProposals } from '../../services/ports/registerProposals';
import type { RegisterProposal } from '../../domain/requests';
import { handleKeyOf } from '../../domain/register/accountHandle';

const F = fieldNames(LISTS.accounts);

export class SpRegisterProposals implements IRegisterProposals {
  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LISTS.accounts.title).items;
  }

  public entryFor(requestId: number): Promise<{ id: number } | undefined> {
    return guarded(async () => {
      // FromRequestId is indexed: one row however large the register.
      const [found] = await this.items.filter(`${F.FromRequestId} eq ${odataNumber(requestId)}`).select(BUILT_IN.Id).orderBy(BUILT_IN.Id, true).top(1)<{ Id: number }[]>();
      return found ? { id: found.Id } : undefined;
    });
  }

  public propose(p: RegisterProposal): Promise<{ id: number }> {
    return guarded(async () => {
      const existing = await this.entryFor(p.fromRequestId);
      if (existing) return existing;
      // The register's people are site users; ensureUser adds someone who has never visited the site.
      const person = async (email: string) => (await this.sp.web.ensureUser(`i:0#.f|membership|${email}`)).Id;
      const [ownerId, backupId] = [await person(p.ownerEmail), await person(p.backupEmail)];
      // The register finds an account by its handle's key ("is this account ours?").
      const key = p.handle ? handleKeyOf(p.handle, p.platform) : undefined;
      const added = (await this.items.add({
        ...(key ? { [F.HandleKey]: key } : {}),
        [BUILT_IN.Title]: p.name, [F.Platform]: p.platform, [F.Handle]: p.handle || '(not chosen yet)', [F.OwningService]: p.owningService,
        [lookupId(F.Owner)]: ownerId, [lookupId(F.Backup)]: backupId, [F.Objectives]: p.objectives, [F.ContentPlan]: p.contentPlan,
        [F.StaffedHours]: p.staffedHours, [F.ProfileStatesHours]: p.profileStatesHours, [F.Hashtags]: p.hashtags,
        [F.AccountStatus]: ACCOUNT_STATUS.proposed, [F.FromRequestId]: p.fromRequestId
      })) as { Id: number };
      // Two comms people adding at once, or a POST repeated after a lost answer, can make two entries:
      // the earliest is the entry; a later one this call made is removed (comms may delete in the
      // register), so the register holds the account once.
      const all = await this.items.filter(`${F.FromRequestId} eq ${odataNumber(p.fromRequestId)}`).select(BUILT_IN.Id).orderBy(BUILT_IN.Id, true).top(50)<{ Id: number }[]>();
      const earliest = all[0]?.Id ?? added.Id;
      if (earliest !== added.Id) await this.items.getById(added.Id).delete();
      return { id: earliest };
    });
  }
}
