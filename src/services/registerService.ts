import { toCsv } from '../domain/csv';
import { normaliseHandle, sameAccount, type AccountHandle, type HandleProblem } from '../domain/register/accountHandle';
import { describeStaffedHours } from '../domain/register/staffedHours';
import type { AccountDetail, IRegisterRepository, RegisterPage, RegisterQuery, RegisterRow } from './ports/register';
import type { AccountUpdatesService } from './accountUpdatesService';
import { checkAccountDraft, type AccountDraft, type AccountDraftField } from '../domain/register/accountEdit';
import { isAppError } from '../domain/errors';
import type { EditableAccount, IRegisterWriter } from './ports/registerWriter';
import type { HashtagRegisterService } from './hashtagRegisterService';
import type { RegisterImportService } from './registerImportService';
import type { AccountHistoryService } from './accountHistoryService';
import { PeopleService } from './peopleService';

// The register as every member of staff reads it: pages of accounts, one account's detail, the
// export, and "is this account ours?".

export type OursAnswer =
  /** The text could not be read as an account; the message says what to paste instead. */
  | { kind: 'unreadable'; problem: HandleProblem; message: string }
  /** In the register (closed ones too: their status says so). */
  | { kind: 'ours'; asked: AccountHandle; accounts: RegisterRow[] }
  /** Not in the register; `elsewhere` holds entries with that handle on other platforms. */
  | { kind: 'notOurs'; asked: AccountHandle; elsewhere: RegisterRow[] };

/** The key an entry is known by: the stored one, else read from its handle (entries saved before keys). */
function keyOfRow(row: RegisterRow): string | undefined {
  if (row.handleKey) return row.handleKey;
  const read = normaliseHandle(row.handle);
  return read.ok ? read.key : undefined;
}

/** How a save by comms ended. */
export type AccountSaveOutcome =
  | { kind: 'saved'; id: number }
  /** Nothing was written; each field's message says what to put right. */
  | { kind: 'invalid'; problems: Partial<Record<AccountDraftField, string>> }
  /** Someone saved the entry after it was read: nothing was written; `current` is the entry now, to compare and re-apply. */
  | { kind: 'conflict'; current: EditableAccount }
  /** The entry no longer exists. */
  | { kind: 'gone' };

export class RegisterService {
  /**
   * `me`: the signed-in person's id on the hub, for "accounts I own" and whose updates count.
   * `updates`: owners' operational records of an account, shown in its detail.
   */
  public constructor(
    private readonly register: IRegisterRepository, public readonly me: () => Promise<number>, public readonly updates?: AccountUpdatesService,
    private readonly writer?: IRegisterWriter,
    /** The register of hashtags, shown with the accounts. */
    public readonly hashtags?: HashtagRegisterService,
    /** CSV import of an existing register (comms; SharePoint refuses anyone else). */
    public readonly imports?: RegisterImportService,
    /** An account's history (versions, source request, updates filed), read when its detail opens. */
    public readonly history?: AccountHistoryService,
    /** Who can be named owner or backup: the edit form's pickers search with it. */
    public readonly directory: PeopleService = new PeopleService(undefined)
  ) {}

  /** Whether SharePoint lets this person edit and add register entries (comms); false where there is no writer. */
  public async editRights(): Promise<{ canEdit: boolean; canAdd: boolean }> {
    return this.writer ? this.writer.permissions() : { canEdit: false, canAdd: false };
  }

  /** An entry as the edit form starts from, with its ETag. */
  public async editable(id: number): Promise<EditableAccount | undefined> {
    return this.writer?.editable(id);
  }

  /**
   * Checks and saves an entry: a new one when `base` is undefined, else over `base` only if nobody
   * saved it since it was read. The handle's key is written with the handle (the lookup relies on it).
   */
  public async saveAccount(draft: AccountDraft, base?: { id: number; etag: string }): Promise<AccountSaveOutcome> {
    if (!this.writer) throw new Error('The register cannot be edited here.');
    const checked = checkAccountDraft(draft);
    if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
    const v = checked.value;
    const [ownerId, backupId] = await Promise.all([v.ownerEmail, v.backupEmail].map((e) => (e ? this.writer!.personId(e) : Promise.resolve(null))));
    const unknown: Partial<Record<AccountDraftField, string>> = {};
    if (ownerId === undefined) unknown.ownerEmail = 'Nobody in the organisation has this e-mail address. Check the spelling, or ask them for their work address.';
    if (backupId === undefined) unknown.backupEmail = 'Nobody in the organisation has this e-mail address. Check the spelling, or ask them for their work address.';
    if (Object.keys(unknown).length > 0) return { kind: 'invalid', problems: unknown };
    const people = { ownerId: ownerId ?? null, backupId: backupId ?? null };
    if (!base) return { kind: 'saved', id: (await this.writer.add(v, people)).id };
    try {
      await this.writer.update(base.id, base.etag, v, people);
      return { kind: 'saved', id: base.id };
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'conflict' && e.kind !== 'notFound')) throw e;
      const current = await this.writer.editable(base.id);
      return current ? { kind: 'conflict', current } : { kind: 'gone' };
    }
  }

  public page(query: RegisterQuery): Promise<RegisterPage> {
    return this.register.page(query);
  }

  public account(id: number): Promise<AccountDetail | undefined> {
    return this.register.account(id);
  }

  /** One exact lookup on the indexed key, whatever the register's size. */
  public async isOurs(text: string): Promise<OursAnswer> {
    const read = normaliseHandle(text);
    if (!read.ok) return { kind: 'unreadable', problem: read.problem, message: read.message };
    const asked: AccountHandle = { platform: read.platform, key: read.key, display: read.display };
    const found = (await this.register.withHandleKey(read.key)).filter((r) => keyOfRow(r) === read.key);
    const accounts = found.filter((r) => sameAccount(asked, { key: read.key, platform: r.platform as AccountHandle['platform'] }));
    if (accounts.length > 0) return { kind: 'ours', asked, accounts };
    return { kind: 'notOurs', asked, elsewhere: found };
  }

  /** The whole register as CSV (Excel-safe cells), with progress after each page of up to 5,000. */
  public async exportCsv(onProgress: (count: number) => void = () => undefined): Promise<string> {
    const rows: AccountDetail[] = [];
    await this.register.forEachAccount((page) => { rows.push(...page); onProgress(rows.length); });
    return this.csv(rows);
  }

  public csv(rows: readonly AccountDetail[]): string {
    return toCsv(
      ['Id', 'Name', 'Platform', 'Handle', 'Profile URL', 'Owning service', 'Status', 'Owner', 'Owner e-mail', 'Backup', 'Backup e-mail', 'Objectives and audience', 'Staffed hours', 'Profile states hours', 'Response target (hours)', 'Hashtags', 'Created from request'],
      rows.map((r) => [
        r.id, r.name, r.platform, r.handle, r.profileUrl, r.service, r.status, r.owner?.name, r.owner?.email, r.backup?.name, r.backup?.email,
        r.objectives, describeStaffedHours(r.staffedHours) ?? r.staffedHours, r.profileStatesHours === undefined ? '' : r.profileStatesHours ? 'Yes' : 'No',
        r.responseTargetHours, r.hashtags, r.fromRequestId
      ])
    );
  }
}
