import { RegisterImportService, laterDuplicates } from '../../src/services/registerImportService';
import type { IRegisterImporter, ImportRunRecord, ImportRowWrite, WrittenRow } from '../../src/services/ports/registerImporter';
import type { IRegisterWriter } from '../../src/services/ports/registerWriter';
import { AppError } from '../../src/domain/errors';

// The import run's steps against an in-memory importer that behaves as SharePoint does where it
// matters here: ids increase, a batch can be cut part way, and an answer can be lost after the work.

class MemoryImporter implements IRegisterImporter {
  public entries: (WrittenRow & { runId: string })[] = [];
  public records: ImportRunRecord[] = [];
  private nextId = 1;
  private clock = Date.UTC(2026, 0, 1);
  /** Called before each batch of rows: may throw (nothing written) or ask for the answer to be lost after writing. */
  public onAdd: (call: number) => 'ok' | 'loseAnswer' = () => 'ok';
  private addCalls = 0;
  public async registerKeys() { return []; }
  public async runs() { return [...this.records]; }
  public async record(run: { runId: string; state: ImportRunRecord['state']; rowCount: number; fileName: string }) {
    this.clock += 1000;
    this.records.push({ ...run, created: new Date(this.clock).toISOString() });
  }
  public async written(runId: string) { return this.entries.filter((e) => e.runId === runId).map(({ id, submissionId }) => ({ id, submissionId })); }
  public async add(runId: string, rows: readonly ImportRowWrite[]) {
    const what = this.onAdd(++this.addCalls);
    for (const r of rows) this.entries.push({ id: this.nextId++, submissionId: r.submissionId, runId });
    if (what === 'loseAnswer') {
      // PnPjs sends the batch again after a lost answer: every row lands twice.
      for (const r of rows) this.entries.push({ id: this.nextId++, submissionId: r.submissionId, runId });
      throw new AppError('offline', 'lost');
    }
  }
  public async remove(ids: readonly number[]) { this.entries = this.entries.filter((e) => !ids.includes(e.id)); }
}

const writer = { personId: async () => 7 } as unknown as IRegisterWriter;
let n = 0;
const newId = () => `id-${++n}`;
const file = ['Name,Platform,Handle,Status', ...Array.from({ length: 250 }, (_, i) => `A ${i},X,@a${i},Active`)].join('\r\n');

it('finds later duplicates of a row id, keeping the earliest', () => {
  expect(laterDuplicates([{ id: 5, submissionId: 'a' }, { id: 2, submissionId: 'a' }, { id: 3, submissionId: 'b' }, { id: 9, submissionId: 'a' }])).toEqual([5, 9]);
});

it('writes in batches of at most 100 with progress, then one Complete record last', async () => {
  const mem = new MemoryImporter();
  const service = new RegisterImportService(mem, writer, newId);
  const preview = await service.preview(file, 'a.csv');
  if (preview.kind !== 'plan') throw new Error('no plan');
  const progress: number[] = [];
  expect(await service.run(preview.plan, {}, (d) => progress.push(d))).toEqual({ kind: 'imported', count: 250 });
  expect(progress).toEqual([0, 100, 200, 250]);
  expect(mem.records.map((r) => r.state)).toEqual(['Started', 'Complete']);
  expect(mem.entries).toHaveLength(250);
});

it('after a lost answer, Retry deletes the repeated rows before completing, and writes only what is missing', async () => {
  const mem = new MemoryImporter();
  mem.onAdd = (call) => (call === 2 ? 'loseAnswer' : 'ok');
  const service = new RegisterImportService(mem, writer, newId);
  const preview = await service.preview(file, 'a.csv');
  if (preview.kind !== 'plan') throw new Error('no plan');
  expect(await service.run(preview.plan)).toMatchObject({ kind: 'failed', retryable: true });
  expect(mem.records.map((r) => r.state)).toEqual(['Started']);
  expect(mem.entries).toHaveLength(300);
  mem.onAdd = () => 'ok';
  expect(await service.run(preview.plan)).toEqual({ kind: 'imported', count: 250 });
  expect(new Set(mem.entries.map((e) => e.submissionId)).size).toBe(250);
  expect(mem.entries).toHaveLength(250);
  // The earliest entry of each row is the one kept.
  expect(mem.entries.slice(100, 200).map((e) => e.id)).toEqual(Array.from({ length: 100 }, (_, i) => 101 + i));
  expect(mem.records.map((r) => r.state)).toEqual(['Started', 'Complete']);
});

it('writes nothing while a row is wrong, unless the good rows only are chosen', async () => {
  const mem = new MemoryImporter();
  const service = new RegisterImportService(mem, writer, newId);
  const preview = await service.preview(`${file}\r\nBad,Myspace,@bad,Active`, 'a.csv');
  if (preview.kind !== 'plan') throw new Error('no plan');
  expect(await service.run(preview.plan)).toEqual({ kind: 'refused', problems: 1 });
  expect([mem.entries.length, mem.records.length]).toEqual([0, 0]);
  expect(await service.run(preview.plan, { goodRowsOnly: true })).toEqual({ kind: 'imported', count: 250 });
});
