import { readImportSheet, checkAgainstRegister, checkPeople, peopleNamed, sheetProblems, type ImportColumn, type ImportProblem, type ImportRow } from '../domain/register/importSheet';
import { isAppError, ERROR_MESSAGES } from '../domain/errors';
import type { IRegisterImporter, ImportRowWrite, ImportRunRecord, WrittenRow } from './ports/registerImporter';
import type { IRegisterWriter } from './ports/registerWriter';

// A CSV import of an existing register (PRODUCT.md C2), for comms. The file is read and checked in the
// browser; nothing is written while any row is wrong, unless comms deliberately choose to import the
// good rows only. Writing is a run (how no view ever shows part of one: data/sp/importVisibility.ts):
//   1. a Started record (so an interrupted run is found and offered Finish or Remove later);
//   2. the rows not yet written, in $batches of 100, each with the run id and its own client-made id;
//   3. read back: a row id written twice (a repeated POST, a repeated $batch) keeps its earliest
//      entry and the others are deleted; every row must be there exactly once;
//   4. one Complete record: from then on every view shows the whole run.
// Each step can be repeated: a retry after any failure reads what is there and does only what is
// missing, so it finishes the run exactly once. The plan (rows and ids) is kept for the session.

/** A file read and checked, ready to import; `rows` are the good rows with their client-made ids. */
export interface ImportPlan {
  runId: string;
  fileName: string;
  columns: ImportColumn[];
  /** Every row of the file as read, with its problems and notes (for the preview). */
  sheetRows: ImportRow[];
  problems: ImportProblem[];
  rows: (ImportRowWrite & { row: number })[];
}

export type ImportPreview = { kind: 'unreadable'; message: string } | { kind: 'plan'; plan: ImportPlan };

export type ImportOutcome =
  | { kind: 'imported'; count: number }
  /** Nothing was written: the file has problems and comms did not choose to import the good rows only. */
  | { kind: 'refused'; problems: number }
  /** Stopped part way: nothing of the run is shown; `message` says what happened; Retry finishes it. */
  | { kind: 'failed'; message: string; retryable: boolean };

/** A run that was started and neither completed nor removed. */
export interface UnfinishedRun {
  runId: string;
  fileName?: string;
  started: string;
  /** Rows the file had (to import). */
  rowCount?: number;
  /** Distinct rows written so far. */
  written: number;
}

export type Progress = (done: number, total: number) => void;

const BATCH = 100;

/** The one sentence a person reads when SharePoint stopped a run. */
export function describeFailure(e: unknown): { message: string; retryable: boolean } {
  if (isAppError(e)) return { message: ERROR_MESSAGES[e.kind], retryable: e.retryable || e.kind === 'notFound' };
  return { message: ERROR_MESSAGES.offline, retryable: true };
}

export class RegisterImportService {
  public constructor(
    private readonly importer: IRegisterImporter,
    private readonly writer: IRegisterWriter,
    /** Client-made ids (crypto.randomUUID in the app): the run's and each row's. */
    private readonly newId: () => string
  ) {}

  /** Reads and checks the file against the register and the directory. Writes nothing (except adding named people to the site, as the edit form does). */
  public async preview(text: string, fileName: string): Promise<ImportPreview> {
    const sheet = readImportSheet(text);
    if (!sheet.ok) return { kind: 'unreadable', message: sheet.message };
    checkAgainstRegister(sheet, await this.importer.registerKeys());
    const emails = peopleNamed(sheet);
    const people = new Map<string, number | undefined>();
    // A few at a time: each is one request to SharePoint.
    for (let i = 0; i < emails.length; i += 8) {
      const ids = await Promise.all(emails.slice(i, i + 8).map((e) => this.writer.personId(e)));
      emails.slice(i, i + 8).forEach((e, n) => people.set(e, ids[n]));
    }
    checkPeople(sheet, people);
    const personOf = (e: string | undefined): number | null => (e ? people.get(e.toLowerCase()) ?? null : null);
    const rows = sheet.rows.flatMap((r) => (r.values ? [{
      row: r.row, submissionId: this.newId(), values: r.values, people: { ownerId: personOf(r.values.ownerEmail), backupId: personOf(r.values.backupEmail) }
    }] : []));
    return { kind: 'plan', plan: { runId: this.newId(), fileName, columns: sheet.columns, sheetRows: sheet.rows, problems: sheetProblems(sheet), rows } };
  }

  /** Imports the plan: all or nothing by default; `goodRowsOnly` is the deliberate second choice. Safe to call again after a failure. */
  public async run(plan: ImportPlan, options: { goodRowsOnly?: boolean } = {}, onProgress: Progress = () => undefined): Promise<ImportOutcome> {
    if (plan.problems.length > 0 && !options.goodRowsOnly) return { kind: 'refused', problems: plan.problems.length };
    if (plan.rows.length === 0) return { kind: 'refused', problems: plan.problems.length };
    try {
      const records = await this.importer.runs();
      const mine = records.filter((r) => r.runId === plan.runId);
      if (mine.some((r) => r.state === 'Complete')) return { kind: 'imported', count: plan.rows.length };
      if (!mine.some((r) => r.state === 'Started')) await this.importer.record({ runId: plan.runId, state: 'Started', rowCount: plan.rows.length, fileName: plan.fileName });
      const already = new Set((await this.importer.written(plan.runId)).map((w) => w.submissionId));
      const missing = plan.rows.filter((r) => !already.has(r.submissionId));
      let done = plan.rows.length - missing.length;
      onProgress(done, plan.rows.length);
      for (let i = 0; i < missing.length; i += BATCH) {
        const part = missing.slice(i, i + BATCH);
        await this.importer.add(plan.runId, part);
        done += part.length;
        onProgress(done, plan.rows.length);
      }
      const count = await this.settle(plan.runId, plan.rows.map((r) => r.submissionId));
      await this.importer.record({ runId: plan.runId, state: 'Complete', rowCount: count, fileName: plan.fileName });
      return { kind: 'imported', count };
    } catch (e) {
      return { kind: 'failed', ...describeFailure(e) };
    }
  }

  /**
   * Makes the run's entries one per row: later duplicates deleted, then read back again. Throws when
   * a row is missing (its write failed in a way the batch did not report), so the run is not completed.
   */
  private async settle(runId: string, expected: readonly string[]): Promise<number> {
    for (;;) {
      const written = await this.importer.written(runId);
      const extra = laterDuplicates(written);
      const present = new Set(written.map((w) => w.submissionId));
      const lost = expected.filter((id) => !present.has(id));
      if (lost.length > 0) throw new Error(`${lost.length} rows were not written.`);
      if (extra.length === 0) return present.size;
      for (let i = 0; i < extra.length; i += BATCH) await this.importer.remove(extra.slice(i, i + BATCH));
    }
  }

  /** Runs started and neither completed nor removed (an import stopped part way, in any session). */
  public async unfinished(): Promise<UnfinishedRun[]> {
    const records = await this.importer.runs();
    const byRun = new Map<string, ImportRunRecord[]>();
    for (const r of records) byRun.set(r.runId, [...(byRun.get(r.runId) ?? []), r]);
    const out: UnfinishedRun[] = [];
    for (const [runId, rs] of byRun) {
      if (rs.some((r) => r.state === 'Complete' || r.state === 'Removed')) continue;
      const started = rs.find((r) => r.state === 'Started');
      if (!started) continue;
      const written = new Set((await this.importer.written(runId)).map((w) => w.submissionId)).size;
      out.push({ runId, fileName: started.fileName, started: started.created, rowCount: started.rowCount, written });
    }
    return out;
  }

  /**
   * Finishes a run from an earlier session, which no longer has the file: possible only when every
   * row was written (only the Complete record was lost); otherwise `incomplete`, and the choice is to
   * remove what was written and import the file again.
   */
  public async finish(run: UnfinishedRun): Promise<ImportOutcome | { kind: 'incomplete' }> {
    try {
      const written = await this.importer.written(run.runId);
      const ids = [...new Set(written.map((w) => w.submissionId))];
      if (run.rowCount === undefined || ids.length < run.rowCount) return { kind: 'incomplete' };
      const count = await this.settle(run.runId, ids);
      await this.importer.record({ runId: run.runId, state: 'Complete', rowCount: count, fileName: run.fileName ?? '' });
      return { kind: 'imported', count };
    } catch (e) {
      return { kind: 'failed', ...describeFailure(e) };
    }
  }

  /** Deletes every entry the run wrote (none was ever shown), then records the run as removed. */
  public async remove(run: UnfinishedRun): Promise<{ kind: 'removed'; count: number } | { kind: 'failed'; message: string; retryable: boolean }> {
    try {
      let count = 0;
      for (;;) {
        const written = await this.importer.written(run.runId);
        if (written.length === 0) break;
        for (let i = 0; i < written.length; i += BATCH) await this.importer.remove(written.slice(i, i + BATCH).map((w) => w.id));
        count += written.length;
      }
      await this.importer.record({ runId: run.runId, state: 'Removed', rowCount: 0, fileName: run.fileName ?? '' });
      return { kind: 'removed', count };
    } catch (e) {
      return { kind: 'failed', ...describeFailure(e) };
    }
  }
}

/** Entries whose row id an earlier entry already has (the earliest of a row id is the row). */
export function laterDuplicates(written: readonly WrittenRow[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (const w of [...written].sort((a, b) => a.id - b.id)) {
    if (seen.has(w.submissionId)) out.push(w.id); else seen.add(w.submissionId);
  }
  return out;
}
