import './pnp';
import type { SPFI } from './pnp';
import { IMPORT_RUN_STATE, LISTS, fieldNames } from '../schema';
import { isAppError } from '../../domain/errors';
import { odataString } from './odata';

// Why a register import can never show in part (issue 8, C2 "nothing half-imported"):
// SharePoint has no transaction across items, and a $batch is not atomic either, so the rows of a
// run are written first, each carrying the run's id (ImportRunId), while every reader of the register
// hides an entry whose run has no Complete record in SMH Import Runs. The importer writes that record
// once, last, after reading back that every row is there exactly once; that one item is what makes
// the whole run visible. Readers ask for the complete runs BEFORE they read the entries (first in
// the same $batch): a run found complete then had all its rows written already, so no reader can see
// a run in part, even while the record is being written. This relies on a batch's parts being
// processed in the order sent, as OData's batch processing prescribes ("The service MUST process
// the requests within a batch request sequentially", OData v4.0 Part 1 §11.7,
// http://docs.oasis-open.org/odata/odata/v4.0/odata-v4.0-part1-protocol.html; SharePoint implements
// OData's $batch: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/make-batch-requests-with-the-rest-apis),
// and as the emulator does. Rows are never removed from a complete run, so nothing is lost the other way.
// Only comms can write that list (SharePoint's permissions, not this code), and everyone reads it.

const A = fieldNames(LISTS.accounts);
const R = fieldNames(LISTS.importRuns);
/** The column on SMH Accounts that ties an entry to its import run (empty for entries comms added one by one). */
export const IMPORT_RUN_COLUMN = A.ImportRunId;

/** Complete runs stay few (one per import file), far below one page. */
const MAX_RUNS = 5000;

type Web = SPFI['web'];

/**
 * The ids of complete runs. Put it first in a batch, before the entries it filters. A site whose
 * set-up predates imports has no runs list yet: then no entry can belong to a run either.
 */
export function completeRuns(web: Web): Promise<ReadonlySet<string>> {
  return web.lists.getByTitle(LISTS.importRuns.title).items
    .filter(`${R.RunState} eq ${odataString(IMPORT_RUN_STATE.complete)}`).select(R.RunId).top(MAX_RUNS)<{ RunId: string }[]>()
    .then((items) => new Set(items.map((i) => i.RunId)), (e: unknown) => {
      if (isAppError(e) && e.kind === 'notFound') return new Set<string>();
      if ((e as { status?: number })?.status === 404) return new Set<string>();
      throw e;
    });
}

/** Whether an entry is shown: added one by one, or its run is complete. */
export function isShown(item: Record<string, unknown>, complete: ReadonlySet<string>): boolean {
  const run = item[IMPORT_RUN_COLUMN];
  return typeof run !== 'string' || run === '' || complete.has(run);
}

export function shownOnly<T extends Record<string, unknown>>(items: readonly T[], complete: ReadonlySet<string>): T[] {
  return items.filter((i) => isShown(i, complete));
}

/**
 * Marks a batch's part promises as handled before the batch is sent: when the whole batch fails
 * (a dropped connection), every part rejects too, and the caller hears it once, from execute().
 */
export function quietParts(...parts: readonly (Promise<unknown> | undefined)[]): void {
  for (const p of parts) p?.catch(() => undefined);
}
