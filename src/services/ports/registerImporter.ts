import type { ImportValues, RegisterKey } from '../../domain/register/importSheet';
import type { RegisterPeople } from './registerWriter';

// Writing a CSV import into the register (PRODUCT.md C2). Comms only: SharePoint refuses everyone else.

export type ImportRunState = 'Started' | 'Complete' | 'Removed';

export interface ImportRunRecord {
  runId: string;
  state: ImportRunState;
  rowCount?: number;
  fileName?: string;
  /** SharePoint's Created of the record. */
  created: string;
}

export interface ImportRowWrite {
  /** The row's client-made id: a retried write is recognised by it. */
  submissionId: string;
  values: ImportValues;
  people: RegisterPeople;
}

export interface WrittenRow { id: number; submissionId: string }

export interface IRegisterImporter {
  /** Every entry the register shows, as the duplicate check needs it (read in pages under the list view threshold). */
  registerKeys(): Promise<RegisterKey[]>;
  /** Every record of every import run, oldest first. */
  runs(): Promise<ImportRunRecord[]>;
  /** Adds one record of a run (Started, Complete or Removed). */
  record(run: { runId: string; state: ImportRunState; rowCount: number; fileName: string }): Promise<void>;
  /** The entries written for a run, whether shown or not, oldest first. */
  written(runId: string): Promise<WrittenRow[]>;
  /** Writes up to 100 rows in one $batch; rejects when any of them failed (the others may be written). */
  add(runId: string, rows: readonly ImportRowWrite[]): Promise<void>;
  /** Deletes up to 100 entries in one $batch; an entry already gone is fine. */
  remove(ids: readonly number[]): Promise<void>;
}
