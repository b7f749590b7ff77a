import './pnp';
import type { SPFI } from './pnp';
import { SPQueryable } from '@pnp/sp';
import { BUILT_IN, LISTS, PERSON, fieldNames, lookupId, through } from '../schema';
import { guarded } from '../errors/normalise';
import { isAppError } from '../../domain/errors';
import type { AccountDraft, AccountValues } from '../../domain/register/accountEdit';
import type { EditableAccount, IRegisterWriter, RegisterPeople } from '../../services/ports/registerWriter';

// Comms' writes to the register (SMH Accounts, where comms hold Contribute and everyone else reads).
// Every change of an existing entry carries the ETag it was read with (If-Match): SharePoint answers
// 412 when someone saved in between, so two comms people editing at once cannot overwrite each other
// (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest#update-list-items).

const F = fieldNames(LISTS.accounts);
const LIST = LISTS.accounts.title;
const EDIT_SELECT = [BUILT_IN.Id, BUILT_IN.Title, F.Platform, F.Handle, F.ProfileUrl, F.OwningService, F.AccountStatus, F.Objectives, F.Hashtags,
  through(F.Owner, PERSON.EMail), through(F.Backup, PERSON.EMail), through(F.Owner, PERSON.Title), through(F.Backup, PERSON.Title)];
/** SP.PermissionKind.EditListItems (3) and AddListItems (2) as bits of EffectiveBasePermissions.Low. */
const EDIT_LIST_ITEMS = 0x4;
const ADD_LIST_ITEMS = 0x2;

type Perms = { High: number | string; Low: number | string };
type EditItem = Record<string, unknown> & { Id: number; 'odata.etag'?: string; __metadata?: { etag?: string } };

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const email = (v: unknown): string => text((v as { EMail?: unknown } | undefined)?.EMail);
const title = (v: unknown): string => text((v as { Title?: unknown } | undefined)?.Title);

function toEditable(i: EditItem): EditableAccount {
  const draft: AccountDraft = {
    name: text(i[BUILT_IN.Title]), platform: text(i[F.Platform]), handle: text(i[F.Handle]), profileUrl: text(i[F.ProfileUrl]),
    service: text(i[F.OwningService]), ownerEmail: email(i[F.Owner]), backupEmail: email(i[F.Backup]), status: text(i[F.AccountStatus]),
    objectives: text(i[F.Objectives]), hashtags: text(i[F.Hashtags])
  };
  return { id: i.Id, etag: i['odata.etag'] ?? i.__metadata?.etag ?? '', draft, names: { owner: title(i[F.Owner]), backup: title(i[F.Backup]) } };
}

export class SpRegisterWriter implements IRegisterWriter {
  public constructor(private readonly sp: SPFI) {}

  private get list() {
    return this.sp.web.lists.getByTitle(LIST);
  }

  public permissions(): Promise<{ canEdit: boolean; canAdd: boolean }> {
    return guarded(async () => {
      // SharePoint's own answer for this person (rights through any group count); tidiness only, since
      // SharePoint refuses the write itself to anyone without the right.
      const perms = await SPQueryable(this.list, 'EffectiveBasePermissions')<Perms>();
      const low = Number(perms.Low);
      return { canEdit: (low & EDIT_LIST_ITEMS) !== 0, canAdd: (low & ADD_LIST_ITEMS) !== 0 };
    });
  }

  public editable(id: number): Promise<EditableAccount | undefined> {
    return guarded(async () => toEditable(await this.list.items.getById(id).select(...EDIT_SELECT).expand(F.Owner, F.Backup)<EditItem>())).catch((e: unknown) => {
      if (isAppError(e) && e.kind === 'notFound') return undefined;
      throw e;
    });
  }

  public personId(emailAddress: string): Promise<number | undefined> {
    return guarded(async () => (await this.sp.web.ensureUser(`i:0#.f|membership|${emailAddress}`)).Id).catch((e: unknown) => {
      // SharePoint answers 404 for someone the directory does not know.
      if (isAppError(e) && e.kind === 'notFound') return undefined;
      throw e;
    });
  }

  private body(v: AccountValues, people: RegisterPeople): Record<string, unknown> {
    return {
      [BUILT_IN.Title]: v.name, [F.Platform]: v.platform, [F.Handle]: v.handle, [F.HandleKey]: v.handleKey, [F.ProfileUrl]: v.profileUrl ?? null,
      [F.OwningService]: v.service ?? null, [lookupId(F.Owner)]: people.ownerId, [lookupId(F.Backup)]: people.backupId,
      [F.AccountStatus]: v.status, [F.Objectives]: v.objectives ?? null, [F.Hashtags]: v.hashtags ?? null
    };
  }

  public update(id: number, etag: string, v: AccountValues, people: RegisterPeople): Promise<void> {
    return guarded(async () => {
      await this.list.items.getById(id).update(this.body(v, people), etag);
    });
  }

  public add(v: AccountValues, people: RegisterPeople): Promise<{ id: number }> {
    return guarded(async () => {
      const added = (await this.list.items.add(this.body(v, people))) as { Id: number };
      return { id: added.Id };
    });
  }
}
