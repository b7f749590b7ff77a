import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, PERSON, fieldNames, lookupId, through } from '../schema';
import { guarded } from '../errors/normalise';
import { odataNumber, odataString } from './odata';
import { normaliseHandle } from '../../domain/register/accountHandle';
import type { AccountPerson } from '../../services/ports/accounts';
import { IMPORT_RUN_COLUMN, completeRuns, quietParts, shownOnly } from './importVisibility';
import type { AccountDetail, IRegisterRepository, RegisterCursor, RegisterPage, RegisterQuery, RegisterRow, RegisterSort } from '../../services/ports/register';

// The register on SMH Accounts, built for 20,000 entries and SharePoint's list view threshold: a
// query's first filter step may match at most 5,000 items, even on an indexed column and even with
// $top (ARCHITECTURE.md, "SharePoint and Graph facts"). A filter on platform or status alone could
// match more, so every filtered or continued page is asked in Id windows of 5,000 (Id is always
// indexed), all windows in one $batch: one round trip whatever the filters, each window sorted on an
// indexed column and cut at the page size, merged here. Pages continue from a cursor (the last row's
// sort value and Id) rather than an offset, so a later page costs what the first does.
// Entries of an import run that is not complete are hidden from every read here (importVisibility.ts):
// the complete runs are asked first in the same $batch, so hiding costs no round trip.

const F = fieldNames(LISTS.accounts);
const { Id, Title, Created, Modified } = BUILT_IN;
const LIST = LISTS.accounts.title;
/** SharePoint's list view threshold: the most items a first filter step may match. */
const WINDOW = 5000;
/** The longest value of the register's text fields (Title, Handle). */
const MAX_TEXT = 255;
/** The most requests SharePoint takes in one $batch. */
const MAX_BATCH = 100;

const PERSON_PROPS = [PERSON.Id, PERSON.Title, PERSON.EMail, PERSON.Name];
const PEOPLE_SELECT = [F.Owner, F.Backup].flatMap((f) => PERSON_PROPS.map((p) => through(f, p)));
const ROW_SELECT = [Id, Title, F.Platform, F.Handle, F.HandleKey, F.ProfileUrl, F.OwningService, F.AccountStatus, IMPORT_RUN_COLUMN, ...PEOPLE_SELECT];
const DETAIL_SELECT = [...ROW_SELECT, F.Objectives, F.ContentPlan, F.StaffedHours, F.ProfileStatesHours, F.ResponseTargetHours, F.Hashtags, F.FromRequestId, F.LastReportMonth, Created, Modified];

/** The indexed column behind each sort. */
export const SORT_COLUMNS: Record<RegisterSort, string> = { name: Title, handle: F.Handle, platform: F.Platform, status: F.AccountStatus, service: F.OwningService };

interface PersonValue { Id?: number; Title?: string; EMail?: string; Name?: string }
type Item = Record<string, unknown> & { Id: number };

const upnOf = (claims: string | undefined, fallback: string): string => (claims?.includes('|') ? claims.slice(claims.lastIndexOf('|') + 1) : fallback);
const person = (p: unknown): AccountPerson | undefined => {
  const v = p as PersonValue | undefined;
  return v?.Id ? { userId: v.Id, name: v.Title ?? '', email: v.EMail ?? '', login: upnOf(v.Name, v.EMail ?? '') } : undefined;
};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function toRow(i: Item): RegisterRow {
  return {
    id: i.Id, name: str(i[Title]) ?? '', platform: str(i[F.Platform]) ?? '', handle: str(i[F.Handle]) ?? '', handleKey: str(i[F.HandleKey]),
    profileUrl: str(i[F.ProfileUrl]), service: str(i[F.OwningService]), status: str(i[F.AccountStatus]) ?? '',
    owner: person(i[F.Owner]), backup: person(i[F.Backup])
  };
}

function toDetail(i: Item): AccountDetail {
  return {
    ...toRow(i),
    objectives: str(i[F.Objectives]), contentPlan: str(i[F.ContentPlan]), staffedHours: str(i[F.StaffedHours]),
    profileStatesHours: typeof i[F.ProfileStatesHours] === 'boolean' ? i[F.ProfileStatesHours] as boolean : undefined,
    responseTargetHours: typeof i[F.ResponseTargetHours] === 'number' ? i[F.ResponseTargetHours] as number : undefined,
    hashtags: str(i[F.Hashtags]), fromRequestId: typeof i[F.FromRequestId] === 'number' ? i[F.FromRequestId] as number : undefined,
    lastReportMonth: str(i[F.LastReportMonth]), created: String(i[Created] ?? ''), modified: String(i[Modified] ?? '')
  };
}

/**
 * Order as SharePoint sorts text (case ignored, empty first), then by Id: the merge of windows must
 * agree with each window's own order, or a cursor could skip or repeat a row.
 */
function compareBy(column: string, descending: boolean): (a: Item, b: Item) => number {
  const norm = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v.toLowerCase() : null);
  return (a, b) => {
    const x = norm(a[column]), y = norm(b[column]);
    let c = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
    if (descending) c = -c;
    return c !== 0 ? c : a.Id - b.Id;
  };
}

/** Rows after the cursor in the page's order (ties broken by Id ascending), as a $filter clause. */
function afterClause(column: string, descending: boolean, after: RegisterCursor): string {
  const id = odataNumber(after.id);
  if (after.value === null) {
    // Empty values come first ascending, last descending.
    return descending ? `(${column} eq null and ${Id} gt ${id})` : `((${column} eq null and ${Id} gt ${id}) or ${column} ne null)`;
  }
  const v = odataString(after.value);
  const beyond = descending ? `${column} lt ${v} or ${column} eq null` : `${column} gt ${v}`;
  return `(${beyond} or (${column} eq ${v} and ${Id} gt ${id}))`;
}

/** An entry whose key is this, or (saved before keys were stored) whose handle is it, with or without "@". */
const keyMatch = (key: string): string =>
  [`${F.HandleKey} eq ${odataString(key)}`, `${F.Handle} eq ${odataString(key)}`, `${F.Handle} eq ${odataString(`@${key}`)}`].join(' or ');

/**
 * The search as one clause: an address or handle by its key; otherwise the name or handle containing
 * the text, or a key starting with it. Values only ever reach the filter through odataString.
 */
export function searchClause(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const read = normaliseHandle(t);
  if (read.ok && read.platform) return `((${keyMatch(read.key)}) and ${F.Platform} eq ${odataString(read.platform)})`;
  // No name or handle is longer than its field: a longer text matches nothing, and is not sent.
  if (t.length > MAX_TEXT) return `${Id} eq 0`;
  const parts = [`substringof(${odataString(t)},${Title})`, `substringof(${odataString(t)},${F.Handle})`];
  if (read.ok) parts.push(`startswith(${F.HandleKey},${odataString(read.key)})`);
  return `(${parts.join(' or ')})`;
}

export function filterClauses(q: RegisterQuery): string[] {
  const out: string[] = [];
  if (q.platform) out.push(`${F.Platform} eq ${odataString(q.platform)}`);
  if (q.status) out.push(`${F.AccountStatus} eq ${odataString(q.status)}`);
  if (q.service?.trim()) out.push(`startswith(${F.OwningService},${odataString(q.service.trim())})`);
  if (q.ownerId !== undefined) out.push(`${lookupId(F.Owner)} eq ${odataNumber(q.ownerId)}`);
  const search = q.search ? searchClause(q.search) : undefined;
  if (search) out.push(search);
  return out;
}

export class SpRegisterRepository implements IRegisterRepository {
  /** The highest Id seen: where the last window starts. Only grows; newer items fall in the open last window. */
  private highestId?: number;

  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LIST).items;
  }

  public page(q: RegisterQuery): Promise<RegisterPage> {
    return guarded(async () => {
      const column = SORT_COLUMNS[q.sort];
      const desc = !!q.descending;
      const clauses = filterClauses(q);
      if (q.after) clauses.push(afterClause(column, desc, q.after));
      const need = q.pageSize + 1;
      let take = need;
      let found: Item[];
      for (;;) {
        const { complete, parts } = await this.fetch(clauses, column, desc, take);
        // A part cut at `take` may hold more rows beyond it; while hidden entries (an unfinished
        // import) leave such a part short of a page, ask again for more. Without hidden entries, or
        // once the run is complete, this is the one round trip it always was.
        const shortBy = parts.filter((p) => p.length === take).map((p) => need - shownOnly(p, complete).length).filter((n) => n > 0);
        if (shortBy.length === 0) { found = parts.flatMap((p) => shownOnly(p, complete)); break; }
        take += Math.max(...shortBy);
      }
      const sorted = found.sort(compareBy(column, desc));
      const rows = sorted.slice(0, q.pageSize);
      const last = rows[rows.length - 1];
      const next = sorted.length > q.pageSize && last ? { value: str(last[column]) ?? null, id: last.Id } : undefined;
      return { rows: rows.map(toRow), next };
    });
  }

  /** The page's candidate rows, each query's answer apart, and the complete import runs asked before them. */
  private async fetch(clauses: string[], column: string, desc: boolean, take: number): Promise<{ complete: ReadonlySet<string>; parts: Item[][] }> {
    if (clauses.length === 0 || this.highestId === undefined) {
      const [batched, execute] = this.sp.batched();
      // PnPjs queryables are changed by select/filter: each query starts from its own.
      const list = () => batched.web.lists.getByTitle(LIST).items;
      const complete = completeRuns(batched.web);
      // The highest Id comes with the first page, in the same round trip.
      const highest = list().select(Id).orderBy(Id, false).top(1)<Item[]>();
      // Unfiltered and sorted on an indexed column: SharePoint pages through the index itself.
      const first = clauses.length === 0 ? list().select(...ROW_SELECT).expand(F.Owner, F.Backup).orderBy(column, !desc).orderBy(Id, true).top(take)<Item[]>() : undefined;
      quietParts(complete, highest, first);
      await execute();
      this.highestId = Math.max(this.highestId ?? 0, (await highest)[0]?.Id ?? 0);
      if (first) return { complete: await complete, parts: [await first] };
    }
    return this.windows(clauses, column, desc, take);
  }

  /**
   * Every Id window of the list, each cut at `take` rows in the page's order: one $batch up to
   * 500,000 items (a batch holds at most 100 requests), one more per 500,000 after that. The
   * complete import runs are asked first in the first batch.
   */
  private async windows(clauses: string[], column: string, desc: boolean, take: number): Promise<{ complete: ReadonlySet<string>; parts: Item[][] }> {
    const highest = this.highestId ?? 0;
    const filters: string[] = [];
    for (let from = 1; from <= Math.max(highest, 1); from += WINDOW) {
      // The last window is open-ended: entries added since the highest Id was read are in it.
      const range = from + WINDOW > highest ? `${Id} ge ${odataNumber(from)}` : `${Id} ge ${odataNumber(from)} and ${Id} lt ${odataNumber(from + WINDOW)}`;
      filters.push([range, ...clauses].join(' and '));
    }
    const parts: Item[][] = [];
    let complete: Promise<ReadonlySet<string>> | undefined;
    // A batch holds at most 100 requests: the first gives one place to the complete runs.
    for (let i = 0; i < filters.length;) {
      const [batched, execute] = this.sp.batched();
      complete ??= completeRuns(batched.web);
      const size = i === 0 ? MAX_BATCH - 1 : MAX_BATCH;
      const asks = filters.slice(i, i + size).map((filter) => batched.web.lists.getByTitle(LIST).items.filter(filter)
        .select(...ROW_SELECT).expand(F.Owner, F.Backup).orderBy(column, !desc).orderBy(Id, true).top(take)<Item[]>());
      i += size;
      quietParts(complete, ...asks);
      await execute();
      parts.push(...await Promise.all(asks));
    }
    return { complete: await complete!, parts };
  }

  public account(id: number): Promise<AccountDetail | undefined> {
    return guarded(async () => {
      const [batched, execute] = this.sp.batched();
      const complete = completeRuns(batched.web);
      const asked = batched.web.lists.getByTitle(LIST).items.filter(`${Id} eq ${odataNumber(id)}`).select(...DETAIL_SELECT).expand(F.Owner, F.Backup).top(1)<Item[]>();
      quietParts(complete, asked);
      await execute();
      const found = shownOnly(await asked, await complete);
      return found[0] ? toDetail(found[0]) : undefined;
    });
  }

  public withHandleKey(key: string): Promise<RegisterRow[]> {
    return guarded(async () => {
      // Each branch seeks an indexed column and matches a handful of entries; the handle branches find
      // entries saved before keys were stored (SharePoint compares text without regard to case).
      const [batched, execute] = this.sp.batched();
      const complete = completeRuns(batched.web);
      const asked = batched.web.lists.getByTitle(LIST).items.filter(keyMatch(key)).select(...ROW_SELECT).expand(F.Owner, F.Backup).top(100)<Item[]>();
      quietParts(complete, asked);
      await execute();
      return shownOnly(await asked, await complete).map(toRow);
    });
  }

  public forEachAccount(onPage: (rows: AccountDetail[]) => void): Promise<void> {
    return guarded(async () => {
      // The complete runs first: a run completed while the pages are read stays hidden in this export.
      const complete = await completeRuns(this.sp.web);
      // No filter: paging by Id stays under the list view threshold however large the register.
      for await (const page of this.items.select(...DETAIL_SELECT).expand(F.Owner, F.Backup).top(WINDOW) as AsyncIterable<Item[]>) {
        onPage(shownOnly(page, complete).map(toDetail));
      }
    });
  }
}
