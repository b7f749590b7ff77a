import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, fieldNames, lookupId } from '../schema';
import { guarded } from '../errors/normalise';
import { isAppError } from '../../domain/errors';
import { odataNumber, odataString } from './odata';
import { handleKeyOf } from '../../domain/register/accountHandle';
import type { RegisterKey } from '../../domain/register/importSheet';
import { completeRuns, isShown, quietParts, IMPORT_RUN_COLUMN } from './importVisibility';
import type { ImportRowWrite, ImportRunRecord, ImportRunState, IRegisterImporter, WrittenRow } from '../../services/ports/registerImporter';

// The register import's writes and reads on SMH Accounts and SMH Import Runs (why the run id and
// the Complete record: importVisibility.ts). Rows go in $batches of at most 100 (SharePoint's limit
// per batch); a batch is not atomic and PnPjs may send a POST again when its answer was lost, so
// the service never trusts what a batch answered: it reads the run's entries back by run id and
// client-made row id, and the earliest entry of a row id is the row.

const F = fieldNames(LISTS.accounts);
const R = fieldNames(LISTS.importRuns);
const ACCOUNTS = LISTS.accounts.title;
const RUNS = LISTS.importRuns.title;
/** SharePoint's list view threshold: the run's entries are read in Id windows of this size. */
const WINDOW = 5000;
const MAX_BATCH = 100;

type Item = Record<string, unknown> & { Id: number };
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class SpRegisterImporter implements IRegisterImporter {
  public constructor(private readonly sp: SPFI) {}

  public registerKeys(): Promise<RegisterKey[]> {
    return guarded(async () => {
      const complete = await completeRuns(this.sp.web);
      const out: RegisterKey[] = [];
      // No filter: paging by Id stays under the threshold however large the register.
      const query = this.sp.web.lists.getByTitle(ACCOUNTS).items.select(BUILT_IN.Id, BUILT_IN.Title, F.Platform, F.Handle, F.HandleKey, IMPORT_RUN_COLUMN).top(WINDOW);
      for await (const page of query as AsyncIterable<Item[]>) {
        for (const i of page) {
          if (!isShown(i, complete)) continue;
          const platform = str(i[F.Platform]), handle = str(i[F.Handle]);
          // Entries saved before keys were stored: the key read from the handle, as the lookup does.
          const handleKey = str(i[F.HandleKey]) || handleKeyOf(handle, platform);
          if (handleKey) out.push({ platform, handleKey, handle, name: str(i[BUILT_IN.Title]) });
        }
      }
      return out;
    });
  }

  public runs(): Promise<ImportRunRecord[]> {
    return guarded(async () => {
      const items = await this.sp.web.lists.getByTitle(RUNS).items.select(BUILT_IN.Id, R.RunId, R.RunState, R.RowCount, R.FileName, BUILT_IN.Created)
        .orderBy(BUILT_IN.Id, true).top(WINDOW)<Item[]>();
      return items.map((i) => ({
        runId: str(i[R.RunId]), state: str(i[R.RunState]) as ImportRunState, rowCount: typeof i[R.RowCount] === 'number' ? i[R.RowCount] as number : undefined,
        fileName: str(i[R.FileName]) || undefined, created: str(i[BUILT_IN.Created])
      }));
    });
  }

  public record(run: { runId: string; state: ImportRunState; rowCount: number; fileName: string }): Promise<void> {
    return guarded(async () => {
      // A repeated POST can leave two records of one state: readers treat them as one.
      await this.sp.web.lists.getByTitle(RUNS).items.add({
        [BUILT_IN.Title]: `${run.state}: ${run.fileName}`.slice(0, 255), [R.RunId]: run.runId, [R.RunState]: run.state, [R.RowCount]: run.rowCount,
        [R.FileName]: run.fileName.slice(0, 255)
      });
    });
  }

  public written(runId: string): Promise<WrittenRow[]> {
    return guarded(async () => {
      const list = () => this.sp.web.lists.getByTitle(ACCOUNTS).items;
      const highest = (await list().select(BUILT_IN.Id).orderBy(BUILT_IN.Id, false).top(1)<Item[]>())[0]?.Id ?? 0;
      // The run clause after an Id window: the window is the first filter step, so the threshold holds
      // even when a storm of repeated POSTs has written a run's rows more than once.
      const filters: string[] = [];
      for (let from = 1; from <= Math.max(highest, 1); from += WINDOW) {
        const range = from + WINDOW > highest ? `${BUILT_IN.Id} ge ${odataNumber(from)}` : `${BUILT_IN.Id} ge ${odataNumber(from)} and ${BUILT_IN.Id} lt ${odataNumber(from + WINDOW)}`;
        filters.push(`${range} and ${IMPORT_RUN_COLUMN} eq ${odataString(runId)}`);
      }
      const out: WrittenRow[] = [];
      for (let i = 0; i < filters.length; i += MAX_BATCH) {
        const [batched, execute] = this.sp.batched();
        const asks = filters.slice(i, i + MAX_BATCH).map((filter) => batched.web.lists.getByTitle(ACCOUNTS).items.filter(filter)
          .select(BUILT_IN.Id, F.SubmissionId).orderBy(BUILT_IN.Id, true).top(WINDOW)<Item[]>());
        quietParts(...asks);
        await execute();
        for (const rows of await Promise.all(asks)) for (const r of rows) out.push({ id: r.Id, submissionId: str(r[F.SubmissionId]) });
      }
      return out.sort((a, b) => a.id - b.id);
    });
  }

  private body(runId: string, row: ImportRowWrite): Record<string, unknown> {
    const v = row.values;
    return {
      [BUILT_IN.Title]: v.name, [F.Platform]: v.platform, [F.Handle]: v.handle, [F.HandleKey]: v.handleKey, [F.ProfileUrl]: v.profileUrl ?? null,
      [F.OwningService]: v.service ?? null, [lookupId(F.Owner)]: row.people.ownerId, [lookupId(F.Backup)]: row.people.backupId,
      [F.AccountStatus]: v.status, [F.Objectives]: v.objectives ?? null, [F.Hashtags]: v.hashtags ?? null, [F.StaffedHours]: v.staffedHours ?? null,
      [F.ProfileStatesHours]: v.profileStatesHours ?? null, [F.ResponseTargetHours]: v.responseTargetHours ?? null, [F.FromRequestId]: v.fromRequestId ?? null,
      [IMPORT_RUN_COLUMN]: runId, [F.SubmissionId]: row.submissionId
    };
  }

  public add(runId: string, rows: readonly ImportRowWrite[]): Promise<void> {
    if (rows.length > MAX_BATCH) throw new Error(`At most ${MAX_BATCH} rows go in one batch.`);
    return guarded(async () => {
      const [batched, execute] = this.sp.batched();
      const adds = rows.map((r) => batched.web.lists.getByTitle(ACCOUNTS).items.add(this.body(runId, r)));
      quietParts(...adds);
      await execute();
      const failed = (await Promise.allSettled(adds)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    });
  }

  public remove(ids: readonly number[]): Promise<void> {
    if (ids.length > MAX_BATCH) throw new Error(`At most ${MAX_BATCH} entries go in one batch.`);
    return guarded(async () => {
      const [batched, execute] = this.sp.batched();
      const deletes = ids.map((id) => batched.web.lists.getByTitle(ACCOUNTS).items.getById(id).delete());
      quietParts(...deletes);
      await execute();
      for (const r of await Promise.allSettled(deletes)) {
        if (r.status === 'fulfilled') continue;
        const e = r.reason as { status?: number };
        // Already gone (a repeated DELETE whose first answer was lost): what we wanted.
        if (e?.status === 404 || (isAppError(e) && e.kind === 'notFound')) continue;
        throw r.reason;
      }
    });
  }
}
