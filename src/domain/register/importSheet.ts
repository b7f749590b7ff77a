import { parseCsv } from '../csvParse';
import { ACCOUNT_STATUSES, PLATFORMS } from './choices';
import { checkAccountDraft, EMPTY_DRAFT, type AccountDraft, type AccountDraftField, type AccountValues } from './accountEdit';
import { readStaffedHoursText } from './staffedHoursText';
import { isBlank, count } from '../requests/text';

// An existing register brought in from a CSV file (PRODUCT.md C2), checked in the browser before
// anything is written: every row is read with the rules the register's edit form uses, so an import
// can store nothing the form would refuse, and each problem names the row as the spreadsheet shows
// it, the column, and what to write instead. The columns are the ones the register's CSV export
// writes, so an export imports again. Pure and synchronous: 5,000 rows are checked in a blink.

/** The most rows one import takes: the run's rows are read back by run in one list-view-threshold window. */
export const MAX_IMPORT_ROWS = 5000;

/** What an import writes for one account: the edit form's values and the operational columns the export writes. */
export interface ImportValues extends AccountValues {
  /** Staffed hours as the register stores them (JSON, see staffedHours.ts). */
  staffedHours?: string;
  profileStatesHours?: boolean;
  responseTargetHours?: number;
  fromRequestId?: number;
}

export type ImportField = AccountDraftField | 'staffedHours' | 'profileStatesHours' | 'responseTargetHours' | 'fromRequestId';

export interface ImportProblem {
  /** The row number the spreadsheet shows (the header is row 1). */
  row: number;
  /** The column's header as the file spells it (or as the export spells it when the column is missing). */
  column: string;
  /** What is wrong and what to write instead. */
  message: string;
}

export interface ImportRow {
  row: number;
  /** Set when the row's cells read; the register checks (duplicates, people) may still add problems. */
  values?: ImportValues;
  problems: ImportProblem[];
  /** Things worth knowing that are not wrong (a cell kept as text that Excel would take for a formula). */
  notes: string[];
  /** The row's cells as the file has them (what the preview shows of a row with problems). */
  cells: AccountDraft;
}

export interface ImportColumn { header: string; field?: ImportField; ignoredBecause?: string }

export type ImportSheet =
  | { ok: true; columns: ImportColumn[]; rows: ImportRow[] }
  | { ok: false; message: string };

/** The export's header for each field: what a missing column is called, and what a header is matched against. */
export const IMPORT_HEADERS: Readonly<Record<ImportField, string>> = {
  name: 'Name', platform: 'Platform', handle: 'Handle', profileUrl: 'Profile URL', service: 'Owning service', status: 'Status',
  ownerEmail: 'Owner e-mail', backupEmail: 'Backup e-mail', objectives: 'Objectives and audience', staffedHours: 'Staffed hours',
  profileStatesHours: 'Profile states hours', responseTargetHours: 'Response target (hours)', hashtags: 'Hashtags', fromRequestId: 'Created from request'
};

/** Other spellings people use for a column, as header keys. */
const ALIASES: Readonly<Record<string, ImportField>> = {
  account: 'name', accountname: 'name', title: 'name', url: 'profileUrl', address: 'profileUrl', profileaddress: 'profileUrl', service: 'service',
  owneremailaddress: 'ownerEmail', backupowneremail: 'backupEmail', backupemailaddress: 'backupEmail', objectives: 'objectives',
  responsetarget: 'responseTargetHours', fromrequest: 'fromRequestId'
};

/** Columns the export writes that an import does not read, and why. */
const NOT_READ: Readonly<Record<string, string>> = {
  id: 'the register numbers its entries itself',
  owner: 'people are found by their e-mail address (the Owner e-mail column)',
  backup: 'people are found by their e-mail address (the Backup e-mail column)'
};

const REQUIRED: readonly ImportField[] = ['name', 'platform', 'handle', 'status'];

/** Headers match whatever their case, spacing and punctuation: "Owner e-mail", "owner email", "OWNER_EMAIL". */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

const FIELD_BY_KEY: ReadonlyMap<string, ImportField> = new Map([
  ...(Object.entries(IMPORT_HEADERS) as [ImportField, string][]).map(([f, h]) => [headerKey(h), f] as const),
  ...Object.entries(ALIASES)
]);

// The export writes a cell that starts with =, +, -, @, tab or CR behind an apostrophe so Excel shows
// it as text (domain/csv.ts); Excel itself does the same when a person types '=… . That apostrophe is
// a marker, not part of the value, so one is removed here (the export adds one more to a value that
// itself starts with apostrophes before such a character); everything else is taken exactly.
const MARKED_FORMULA = /^'+[=+\-@\t\r]/;
const FORMULA_START = /^[=+\-@]/;
export const unmarkCell = (cell: string): string => (MARKED_FORMULA.test(cell) ? cell.slice(1) : cell);

/** A choice matched whatever its case, stored as the register spells it. */
function matchChoice(value: string, choices: readonly string[]): string {
  const t = value.trim();
  return choices.find((c) => c.toLowerCase() === t.toLowerCase()) ?? value;
}

const YES = ['yes', 'y', 'true', '1'], NO = ['no', 'n', 'false', '0'];

function readRow(row: number, cells: readonly string[], columns: readonly ImportColumn[]): ImportRow {
  const draft: AccountDraft = { ...EMPTY_DRAFT, status: '' };
  const extra: Partial<Record<ImportField, string>> = {};
  const notes: string[] = [];
  columns.forEach((col, i) => {
    if (!col.field) return;
    const value = unmarkCell(cells[i] ?? '');
    if (col.field in draft) draft[col.field as AccountDraftField] = value;
    else extra[col.field] = value;
    if (FORMULA_START.test(value) && col.field !== 'handle' && col.field !== 'responseTargetHours') {
      notes.push(`${col.header} starts with "${value[0]}": it is stored as text, exactly as written, and never run as a formula.`);
    }
  });
  const asRead = { ...draft };
  draft.platform = matchChoice(draft.platform, PLATFORMS);
  draft.status = matchChoice(draft.status, ACCOUNT_STATUSES);
  const headerOf = (f: ImportField) => columns.find((c) => c.field === f)?.header ?? IMPORT_HEADERS[f];
  const problems: ImportProblem[] = [];
  const problem = (f: ImportField, message: string) => problems.push({ row, column: headerOf(f), message });

  const checked = checkAccountDraft(draft);
  if (!checked.ok) {
    for (const [f, message] of Object.entries(checked.problems) as [AccountDraftField, string][]) {
      if (f === 'platform' && !isBlank(draft.platform)) problem(f, `"${draft.platform}" is not a platform the register knows. Write one of: ${PLATFORMS.join(', ')}.`);
      else if (f === 'platform') problem(f, `Write the platform the account is on: one of ${PLATFORMS.join(', ')}.`);
      else if (f === 'status') problem(f, `${isBlank(draft.status) ? 'Write the account\'s status' : `"${draft.status}" is not a status the register knows. Write`}: one of ${ACCOUNT_STATUSES.join(', ')}.`);
      else problem(f, message);
    }
  }

  const more: Partial<ImportValues> = {};
  const hours = extra.staffedHours ?? '';
  if (!isBlank(hours)) {
    const read = readStaffedHoursText(hours);
    if (read.ok) more.staffedHours = read.stored; else problem('staffedHours', read.message);
  }
  const says = (extra.profileStatesHours ?? '').trim().toLowerCase();
  if (YES.includes(says)) more.profileStatesHours = true;
  else if (NO.includes(says)) more.profileStatesHours = false;
  else if (says !== '') problem('profileStatesHours', `Write Yes or No (or leave it empty when not known), not "${extra.profileStatesHours}".`);
  const target = (extra.responseTargetHours ?? '').trim();
  if (target !== '') {
    const n = /^\d{1,3}(\.\d{1,2})?$/.test(target) ? Number(target) : NaN;
    if (Number.isFinite(n) && n > 0) more.responseTargetHours = n;
    else problem('responseTargetHours', `Write the hours as a number above 0 with at most two decimals, such as 4 or 0.5, not "${extra.responseTargetHours}".`);
  }
  const from = (extra.fromRequestId ?? '').trim();
  if (from !== '') {
    if (/^[1-9]\d{0,8}$/.test(from)) more.fromRequestId = Number(from);
    else problem('fromRequestId', `Write the request's number (such as 42), or leave it empty, not "${extra.fromRequestId}".`);
  }
  return { row, problems, notes, cells: asRead, values: checked.ok && problems.length === 0 ? { ...checked.value, ...more } : undefined };
}

/** The account a row is, for duplicates: the platform and the handle's key. */
export const accountKeyOf = (v: Pick<AccountValues, 'platform' | 'handleKey'>): string => `${v.platform}\u0000${v.handleKey}`;

/** Reads the file's text: every row with what it will become or what is wrong with it. */
export function readImportSheet(text: string): ImportSheet {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const [head, ...body] = parsed.records;
  if (!head || head.cells.every(isBlank)) return { ok: false, message: 'The file is empty. Export the register to see the columns a file needs, with the column names in the first row.' };
  const seen = new Set<ImportField>();
  const columns: ImportColumn[] = head.cells.map((header) => {
    const key = headerKey(header);
    const field = FIELD_BY_KEY.get(key);
    if (field && !seen.has(field)) { seen.add(field); return { header, field }; }
    if (field) return { header, ignoredBecause: `another column already gives ${IMPORT_HEADERS[field]}` };
    return { header, ignoredBecause: NOT_READ[key] ?? 'the register has no such column' };
  });
  const missing = REQUIRED.filter((f) => !seen.has(f));
  if (missing.length > 0) {
    return { ok: false, message: `The first row must name the columns. These are missing: ${missing.map((f) => IMPORT_HEADERS[f]).join(', ')}. Export the register to see every column a file can have.` };
  }
  const records = body.filter((r) => !r.cells.every(isBlank));
  if (records.length === 0) return { ok: false, message: 'The file has column names but no accounts under them.' };
  if (records.length > MAX_IMPORT_ROWS) {
    return { ok: false, message: `The file has ${count(records.length)} accounts; one import takes at most ${count(MAX_IMPORT_ROWS)}. Split it into files of ${count(MAX_IMPORT_ROWS)} rows or fewer and import them one after the other.` };
  }
  const rows = records.map((r) => readRow(r.row, r.cells, columns));
  for (const r of records) {
    if (r.cells.length > columns.length && r.cells.slice(columns.length).some((c) => !isBlank(c))) {
      const row = rows.find((x) => x.row === r.row)!;
      row.problems.push({ row: r.row, column: `column ${columns.length + 1}`, message: `This row has ${r.cells.length} cells but the first row names ${columns.length} columns. A cell with a comma in it needs quotes around it.` });
      row.values = undefined;
    }
  }
  // The same account twice in the file: the later rows are the problem, pointing at the first.
  const first = new Map<string, ImportValues & { row: number }>();
  for (const r of rows) {
    if (!r.values) continue;
    const key = accountKeyOf(r.values);
    const at = first.get(key);
    if (at === undefined) { first.set(key, { ...r.values, row: r.row }); continue; }
    refuseRow(r, 'handle', `Row ${at.row} already has this account (${at.platform}, ${at.handle}). Remove one of the two rows.`, columns);
  }
  return { ok: true, columns, rows };
}

function refuseRow(r: ImportRow, field: ImportField, message: string, columns: readonly ImportColumn[]): void {
  r.problems.push({ row: r.row, column: columns.find((c) => c.field === field)?.header ?? IMPORT_HEADERS[field], message });
  r.values = undefined;
}

/** An entry already in the register, as the duplicate check needs it. */
export interface RegisterKey { platform: string; handleKey: string; name: string; handle: string }

/** Rows whose account is already in the register are refused, naming the entry. */
export function checkAgainstRegister(sheet: Extract<ImportSheet, { ok: true }>, existing: readonly RegisterKey[]): void {
  const known = new Map(existing.map((e) => [accountKeyOf({ platform: e.platform as AccountValues['platform'], handleKey: e.handleKey }), e]));
  for (const r of sheet.rows) {
    const e = r.values && known.get(accountKeyOf(r.values));
    if (e) refuseRow(r, 'handle', `Already in the register as "${e.name}" (${e.platform}, ${e.handle}). Remove this row, or change that entry in the register instead.`, sheet.columns);
  }
}

/** The distinct owner and backup addresses the rows name (lower case), to look up in the directory. */
export function peopleNamed(sheet: Extract<ImportSheet, { ok: true }>): string[] {
  const out = new Set<string>();
  for (const r of sheet.rows) for (const e of [r.values?.ownerEmail, r.values?.backupEmail]) if (e) out.add(e.toLowerCase());
  return [...out];
}

/** Rows naming someone the directory does not know are refused. `people` maps lower-case address → hub user id (undefined: unknown). */
export function checkPeople(sheet: Extract<ImportSheet, { ok: true }>, people: ReadonlyMap<string, number | undefined>): void {
  for (const r of sheet.rows) {
    if (!r.values) continue;
    const v = r.values;
    for (const f of ['ownerEmail', 'backupEmail'] as const) {
      const e = v[f];
      if (e && people.get(e.toLowerCase()) === undefined) {
        refuseRow(r, f, `Nobody in the organisation has the address ${e}. Check the spelling, or write their work address.`, sheet.columns);
      }
    }
  }
}

/** Every problem of the sheet in row order (what the report lists). */
export const sheetProblems = (sheet: Extract<ImportSheet, { ok: true }>): ImportProblem[] => sheet.rows.flatMap((r) => r.problems);

