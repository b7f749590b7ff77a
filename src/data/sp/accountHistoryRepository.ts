// IAccountHistory on SharePoint: the register entry's versions (items(N)/versions, kept because SMH
// Accounts has versioning on), the account's updates and the request the entry came from, read in
// one $batch. A part SharePoint refuses (the request is not the reader's, the versions need a right
// the reader lacks) answers what the reader may see, never more.
import './pnp';
import '@pnp/sp/site-groups/web';
import type { SPFI } from './pnp';
import { BUILT_IN, GROUPS, LISTS, PERSON, VERSION, fieldNames } from '../schema';
import { guarded } from '../errors/normalise';
import { odataNumber } from './odata';
import { newestUpdateId, updatesAfter, updatesWindow, UPDATES_WINDOW } from './accountUpdatesRepository';
import type { EntryVersion, VersionPerson } from '../../domain/register/accountHistory';
import type { AccountHistoryRecords, IAccountHistory, SourceRequest } from '../../services/ports/accountHistory';

const F = fieldNames(LISTS.accounts);
/** Versions per read: most entries have a handful; a long history takes more pages. */
const VERSION_PAGE = 100;
/** Update windows read in the first batch (the list's first 25,000 ids); more follow only if the list is bigger. */
const FIRST_UPDATE_WINDOWS = 5;
const { Id, AuthorId } = BUILT_IN;
const VERSION_SELECT = [VERSION.Label, VERSION.Created, VERSION.Editor, BUILT_IN.Title, F.Platform, F.Handle, F.ProfileUrl, F.OwningService, F.Owner, F.Backup,
  F.AccountStatus, F.Objectives, F.ContentPlan, F.StaffedHours, F.ProfileStatesHours, F.ResponseTargetHours, F.Hashtags, F.FromRequestId];

interface UserValue { LookupId?: number; LookupValue?: string }
type VersionItem = Record<string, unknown> & { VersionLabel: string; Created: string; Editor?: UserValue | null };

const personOf = (v: unknown): VersionPerson | null => {
  const u = v as UserValue | null | undefined;
  return u && typeof u.LookupId === 'number' && u.LookupId > 0 ? { id: u.LookupId, name: u.LookupValue ?? '' } : null;
};
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function toVersion(v: VersionItem): EntryVersion {
  return {
    label: v.VersionLabel, at: v.Created, editor: personOf(v.Editor) ?? undefined,
    values: {
      name: str(v[BUILT_IN.Title]), platform: str(v[F.Platform]), handle: str(v[F.Handle]), profileUrl: str(v[F.ProfileUrl]),
      service: str(v[F.OwningService]), owner: personOf(v[F.Owner]), backup: personOf(v[F.Backup]), status: str(v[F.AccountStatus]),
      objectives: str(v[F.Objectives]), contentPlan: str(v[F.ContentPlan]), staffedHours: str(v[F.StaffedHours]),
      profileStatesHours: typeof v[F.ProfileStatesHours] === 'boolean' ? v[F.ProfileStatesHours] as boolean : null,
      responseTargetHours: typeof v[F.ResponseTargetHours] === 'number' ? v[F.ResponseTargetHours] as number : null,
      hashtags: str(v[F.Hashtags]), fromRequestId: typeof v[F.FromRequestId] === 'number' ? v[F.FromRequestId] as number : null
    }
  };
}

export class SpAccountHistory implements IAccountHistory {
  public constructor(private readonly sp: SPFI) {}

  private versionPage(sp: SPFI, accountId: number, skip: number): Promise<VersionItem[]> {
    const query = sp.web.lists.getByTitle(LISTS.accounts.title).items.getById(accountId).versions.select(...VERSION_SELECT).top(VERSION_PAGE);
    return (skip > 0 ? query.skip(skip) : query)<VersionItem[]>();
  }

  /** The pages after a full first page, one request each (a history that long is rare). */
  private async restOfVersions(accountId: number, first: VersionItem[]): Promise<EntryVersion[]> {
    const all = [...first];
    for (let page = first; page.length === VERSION_PAGE; all.push(...page)) page = await this.versionPage(this.sp, accountId, all.length);
    return all.map(toVersion);
  }

  public versions(accountId: number): Promise<EntryVersion[]> {
    return guarded(async () => this.restOfVersions(accountId, await this.versionPage(this.sp, accountId, 0)));
  }

  public read(accountId: number, fromRequestId?: number): Promise<AccountHistoryRecords> {
    return guarded(async () => {
      const [batched, execute] = this.sp.batched({ maxRequests: 100 });
      const versions = this.versionPage(batched, accountId, 0);
      const newest = newestUpdateId(batched);
      const windows = Array.from({ length: FIRST_UPDATE_WINDOWS }, (_, w) => updatesWindow(batched, accountId, w * UPDATES_WINDOW + 1));
      const comms = batched.web.siteGroups.getByName(GROUPS.find((g) => g.principal === 'comms')!.title).users.select(PERSON.Id)<{ Id: number }[]>();
      // By filter, not items(N): a request the reader may not see is simply absent (read-own list).
      const request = fromRequestId === undefined ? undefined : batched.web.lists.getByTitle(LISTS.requests.title).items
        .filter(`${Id} eq ${odataNumber(fromRequestId)}`).select(Id, AuthorId).top(1)<{ Id: number; AuthorId: number }[]>();
      // Handlers are attached before the batch runs: a refused part must not surface as unhandled.
      // The request part may be refused or empty for this reader; every other part must answer.
      const readable = request?.catch(() => []);
      const answered = Promise.all([versions, newest, Promise.all(windows), comms]);
      answered.catch(() => undefined);
      await execute();
      const found = await readable;
      const [firstVersions, [top], firstUpdates, members] = await answered;
      const updates = firstUpdates.flat();
      const readUpTo = FIRST_UPDATE_WINDOWS * UPDATES_WINDOW;
      if (top && top.Id > readUpTo) updates.push(...await updatesAfter(this.sp, accountId, readUpTo + 1, top.Id));
      let source: SourceRequest | undefined;
      if (fromRequestId !== undefined) {
        const mine = found?.[0];
        source = mine ? { id: fromRequestId, readable: true, authorId: mine.AuthorId } : { id: fromRequestId, readable: false };
      }
      return { versions: await this.restOfVersions(accountId, firstVersions), updates, commsIds: members.map((x) => x.Id), request: source };
    });
  }
}
