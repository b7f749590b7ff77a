import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person, control } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { RawRest } from '../matrix/rest';
import { parseCsv } from '../../src/domain/csvParse';
import { unmarkCell } from '../../src/domain/register/importSheet';
import { SpRegisterRepository } from '../../src/data/sp/registerRepository';
import { SpRegisterWriter } from '../../src/data/sp/registerWriter';
import { SpRegisterImporter } from '../../src/data/sp/registerImporter';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { newSubmissionId } from '../../src/data/sp/submissionId';
import { RegisterService } from '../../src/services/registerService';
import { RegisterImportService, type ImportPlan } from '../../src/services/registerImportService';
import type { IRegisterImporter } from '../../src/services/ports/registerImporter';
import { LISTS, fieldNames } from '../../src/data/schema';

// The register's CSV import through the real PnPjs adapters against the emulator: the preview
// writes nothing and reports each bad row; an import is all or nothing in every view (the list, the
// detail, "is this ours?", the export, the coverage reader), also when SharePoint fails part way and
// loses answers of writes it did; a retry finishes it with exactly one entry per row; and staff can
// neither import nor make an import visible, whatever they send.

const F = fieldNames(LISTS.accounts);
let emu: Emulator;
let rest: RawRest;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  rest = new RawRest(emu);
}, 60_000);
afterAll(async () => { await emu?.close(); });

type Who = Parameters<typeof person>[0];
const register = (who: Who) => new RegisterService(new SpRegisterRepository(spAs(emu, person(who).upn)), async () => 0);
const importing = (who: Who, wrap: (i: IRegisterImporter) => IRegisterImporter = (i) => i) => {
  const sp = spAs(emu, person(who).upn);
  return new RegisterImportService(wrap(new SpRegisterImporter(sp)), new SpRegisterWriter(sp), newSubmissionId);
};
const HEAD = 'Name,Platform,Handle,Status,Owner e-mail,Backup e-mail,Staffed hours';
const csv = (...rows: string[]) => [HEAD, ...rows].join('\r\n') + '\r\n';
const plan = async (text: string, who: Who = 'comms'): Promise<ImportPlan> => {
  const p = await importing(who).preview(text, 'accounts.csv');
  if (p.kind !== 'plan') throw new Error(p.message);
  return p.plan;
};
/** The items of a list as the emulator holds them (what SharePoint has, shown or not). */
const listItems = (title: string) => emu.sharepoint.site().lists.find((l) => l.Title === title)!.items;
/** Every entry of SMH Accounts, hidden or not. */
const rawEntries = async (): Promise<Record<string, unknown>[]> => listItems(LISTS.accounts.title).map((i) => ({ Id: i.Id, ...i.values }));
/** The handles a member of staff gets in the export (read as CSV, Excel's apostrophe marker removed). */
const exportedHandles = async (): Promise<string[]> => {
  const parsed = parseCsv(await register('staff').exportCsv());
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.records.slice(1).map((r) => unmarkCell(r.cells[3]));
};

it('the preview writes nothing and reports each bad row; an import with a bad row writes nothing', async () => {
  const before = (await rawEntries()).length;
  const p = await plan(csv(
    'Imported Good,X,@imp_good1,Active,olivia.reed@northshire.gov.uk,ben.hughes@northshire.gov.uk,Mon-Fri 09:00-17:00',
    'Imported Stranger,X,@imp_stranger,Active,nobody.known@northshire.gov.uk,,'
  ));
  expect(p.problems).toEqual([{ row: 3, column: 'Owner e-mail', message: expect.stringMatching(/Nobody in the organisation has the address nobody.known@/) }]);
  expect(p.rows.map((r) => r.row)).toEqual([2]);
  expect(await importing('comms').run(p)).toEqual({ kind: 'refused', problems: 1 });
  expect((await rawEntries()).length).toBe(before);
});

it('refuses a row already in the register, naming the entry', async () => {
  const page = await register('comms').page({ sort: 'name', pageSize: 5, platform: 'X' });
  const existing = page.rows[0];
  const p = await plan(csv(`Copy,X,https://x.com/${existing.handle.replace(/^@/, '')},Active,,,`));
  expect(p.problems).toEqual([{ row: 2, column: 'Handle', message: expect.stringContaining(`Already in the register as "${existing.name}"`) }]);
});

it('an import shows whole in every view once complete, with owners resolved and the operational columns', async () => {
  const p = await plan(csv(
    'Imported Libraries Events,Instagram,https://www.instagram.com/imp_events/,Active,olivia.reed@northshire.gov.uk,ben.hughes@northshire.gov.uk,Mon-Fri 09:00-17:00',
    '"=HYPERLINK(""http://x"")",TikTok,@imp_formula,Proposed,,,'
  ));
  expect(p.problems).toEqual([]);
  const progress: [number, number][] = [];
  expect(await importing('comms').run(p, {}, (d, t) => progress.push([d, t]))).toEqual({ kind: 'imported', count: 2 });
  expect(progress[progress.length - 1]).toEqual([2, 2]);
  const ours = await register('staff').isOurs('instagram.com/IMP_EVENTS');
  expect(ours).toMatchObject({ kind: 'ours', accounts: [{ name: 'Imported Libraries Events', owner: { email: 'olivia.reed@northshire.gov.uk' }, backup: { email: 'ben.hughes@northshire.gov.uk' } }] });
  const id = ours.kind === 'ours' ? ours.accounts[0].id : 0;
  expect(await register('staff').account(id)).toMatchObject({ staffedHours: JSON.stringify({ slots: [{ days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], from: '09:00', to: '17:00' }] }) });
  const formula = await register('staff').page({ sort: 'name', pageSize: 5, search: 'imp_formula' });
  expect(formula.rows.map((r) => r.name)).toEqual(['=HYPERLINK("http://x")']);
  expect(await exportedHandles()).toEqual(expect.arrayContaining(['https://www.instagram.com/imp_events/', '@imp_formula']));
  // Running the same plan again (a second press, another tab) writes nothing more.
  expect(await importing('comms').run(p)).toEqual({ kind: 'imported', count: 2 });
  expect((await rawEntries()).filter((v) => v[F.Handle] === '@imp_formula')).toHaveLength(1);
});

describe('SharePoint failing part way', () => {
  afterEach(async () => { await control(emu, 'DELETE', '/faults'); });

  it('with 429s, 503s and lost answers of writes that were done, nothing shows until the run is complete, and retries end with one entry per row', async () => {
    const N = 230;
    const p = await plan(csv(...Array.from({ length: N }, (_, n) => `Storm account ${n},X,@imp_storm${n},Active,,,`)));
    expect(p.problems).toEqual([]);
    const handles = p.rows.map((r) => r.values.handle);
    const storm = async () => {
      const effects = [{ status: 429, retryAfter: 0 }, { status: 503, retryAfter: 0 }, { drop: true }, { dropAfter: true }];
      // Each fault hits about 2.5% of calls, and of the parts of a $batch one by one: a batch of 100
      // rows is cut or loses its answer most of the time, and a Retry has to pick up from there.
      for (const [n, effect] of effects.entries()) await control(emu, 'POST', '/faults', { match: '/_api/', probability: 0.025, seed: 300 + n + attempts * 10, ...effect });
    };
    /** What a member of staff sees of the run in every view, with SharePoint calm for the look. */
    const seen = async () => {
      await control(emu, 'DELETE', '/faults');
      const exported = (await exportedHandles()).filter((h) => h.startsWith('@imp_storm'));
      const staff = register('staff');
      const listed = (await staff.page({ sort: 'handle', pageSize: 500, search: 'imp_storm' })).rows.length;
      const ours = (await staff.isOurs('@imp_storm7')).kind;
      const covered = (await new SpAccountsRepository(spAs(emu, person('comms').upn)).staffedAccounts()).filter((a) => a.accountName.startsWith('Storm account')).length;
      const written = (await rawEntries()).filter((v) => typeof v[F.Handle] === 'string' && (v[F.Handle] as string).startsWith('@imp_storm')).length;
      return { exported: exported.length, listed, ours, covered, written };
    };
    // Just before the Complete record is written, the rows are all there and none is shown.
    const checks: Awaited<ReturnType<typeof seen>>[] = [];
    /** Entries written twice (a repeated POST or a batch whose answer was lost) that the run deleted. */
    let duplicatesDeleted = 0;
    const watching = (i: IRegisterImporter): IRegisterImporter => ({
      registerKeys: () => i.registerKeys(), runs: () => i.runs(), written: (r) => i.written(r), add: (r, rows) => i.add(r, rows), remove: async (ids) => { await i.remove(ids); duplicatesDeleted += ids.length; },
      record: async (run) => {
        if (run.state === 'Complete') { checks.push(await seen()); await storm(); }
        return i.record(run);
      }
    });
    let attempts = 1;
    await storm();
    let outcome = await importing('comms', watching).run(p);
    let failures = 0;
    while (outcome.kind !== 'imported' && attempts < 200) {
      expect(outcome).toMatchObject({ kind: 'failed', message: expect.any(String), retryable: true });
      failures++;
      const look = await seen();
      // Either nothing of the run shows (the usual case), or the Complete record was written and its answer lost: all of it.
      if (look.exported !== 0) expect([look.exported, look.listed, look.ours, look.covered]).toEqual([N, N, 'ours', N]);
      else expect([look.listed, look.ours, look.covered]).toEqual([0, 'notOurs', 0]);
      await storm();
      outcome = await importing('comms', watching).run(p);
      attempts++;
    }
    await control(emu, 'DELETE', '/faults');
    expect(outcome).toEqual({ kind: 'imported', count: N });
    // The storm did hit the run (a run that never failed would prove nothing about retries).
    expect(failures).toBeGreaterThan(0);
    // And it did write rows twice (answers lost after the work), which the run put right before completing.
    expect(duplicatesDeleted).toBeGreaterThan(0);
    for (const c of checks) expect([c.exported, c.listed, c.ours, c.covered, c.written]).toEqual([0, 0, 'notOurs', 0, N]);
    expect(checks.length).toBeGreaterThan(0);
    const after = await seen();
    expect([after.exported, after.listed, after.ours, after.covered, after.written]).toEqual([N, N, 'ours', N, N]);
    expect(new Set((await exportedHandles()).filter((h) => h.startsWith('@imp_storm')))).toEqual(new Set(handles));
  }, 180_000);

  it('a run stopped part way is hidden, found next time as unfinished, and can be removed or finished', async () => {
    const p = await plan(csv(...Array.from({ length: 150 }, (_, n) => `Half account ${n},X,@imp_half${n},Active,,,`)));
    // SharePoint fails for good from the second batch of rows on: the first 100 are written, hidden.
    let adds = 0;
    const failingFromSecondBatch = (i: IRegisterImporter): IRegisterImporter => ({
      registerKeys: () => i.registerKeys(), runs: () => i.runs(), written: (r) => i.written(r), remove: (ids) => i.remove(ids), record: (run) => i.record(run),
      add: async (r, rows) => {
        if (++adds === 2) await control(emu, 'POST', '/faults', { match: '/_api/', times: 1000, status: 503, retryAfter: 0 });
        return i.add(r, rows);
      }
    });
    const outcome = await importing('comms', failingFromSecondBatch).run(p);
    await control(emu, 'DELETE', '/faults');
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect((await register('staff').page({ sort: 'handle', pageSize: 500, search: 'imp_half' })).rows).toEqual([]);
    // A page that starts where the hidden entries sort is filled from the entries after them.
    const from = { value: 'Half account', id: 0 };
    const around = await register('staff').page({ sort: 'name', pageSize: 10, after: from });
    expect(around.rows).toHaveLength(10);
    expect(around.rows.filter((r) => r.name.startsWith('Half account'))).toEqual([]);
    const [unfinished] = (await importing('comms').unfinished()).filter((u) => u.runId === p.runId);
    expect(unfinished).toMatchObject({ fileName: 'accounts.csv', rowCount: 150, written: 100 });
    // Without the file, a run with rows missing cannot be finished; it can be removed.
    expect(await importing('comms').finish(unfinished)).toEqual({ kind: 'incomplete' });
    expect(await importing('comms').remove(unfinished)).toEqual({ kind: 'removed', count: 100 });
    expect((await rawEntries()).filter((v) => String(v[F.Handle]).startsWith('@imp_half'))).toEqual([]);
    expect((await importing('comms').unfinished()).map((u) => u.runId)).not.toContain(p.runId);
    expect((await register('staff').page({ sort: 'name', pageSize: 10, after: from })).rows).toEqual(around.rows);
    // The same file again, and this time only the last step is lost: a later session, without the
    // file, finishes it, since every row was written.
    const again = await plan(csv(...Array.from({ length: 150 }, (_, n) => `Half account ${n},X,@imp_half${n},Active,,,`)));
    const losingTheEnd = (i: IRegisterImporter): IRegisterImporter => ({
      registerKeys: () => i.registerKeys(), runs: () => i.runs(), written: (r) => i.written(r), remove: (ids) => i.remove(ids), add: (r, rows) => i.add(r, rows),
      record: async (run) => {
        if (run.state === 'Complete') throw new Error('The connection was lost.');
        return i.record(run);
      }
    });
    expect(await importing('comms', losingTheEnd).run(again)).toMatchObject({ kind: 'failed', retryable: true });
    expect((await register('staff').page({ sort: 'handle', pageSize: 500, search: 'imp_half' })).rows).toEqual([]);
    const [whole] = (await importing('comms').unfinished()).filter((u) => u.runId === again.runId);
    expect(whole).toMatchObject({ rowCount: 150, written: 150 });
    expect(await importing('comms').finish(whole)).toEqual({ kind: 'imported', count: 150 });
    expect((await register('staff').page({ sort: 'handle', pageSize: 500, search: 'imp_half' })).rows).toHaveLength(150);
    expect((await importing('comms').unfinished()).map((u) => u.runId)).not.toContain(again.runId);
  }, 120_000);
});

describe('staff cannot import', () => {
  it('the service is refused, and through raw REST neither an entry nor a Complete record lands; comms read back that nothing changed', async () => {
    const before = await rawEntries();
    const runsBefore = listItems(LISTS.importRuns.title).length;
    const p = await plan(csv('Staff Planted,X,@imp_planted,Active,,,'), 'staff');
    expect(await importing('staff').run(p)).toMatchObject({ kind: 'failed', message: expect.stringMatching(/permission/) });
    const sam = person('staff').upn;
    const runId = newSubmissionId();
    const answers = [
      await rest.send(sam, { method: 'POST', path: `web/lists/getbytitle('${LISTS.accounts.title}')/items`, body: { Title: 'Planted', [F.Platform]: 'X', [F.Handle]: '@imp_planted', [F.AccountStatus]: 'Active', [F.ImportRunId]: runId } }),
      await rest.send(sam, { method: 'POST', path: `web/lists/getbytitle('${LISTS.importRuns.title}')/items`, body: { Title: 'Complete', RunId: runId, RunState: 'Complete', RowCount: 1 } }),
      ...(await rest.batch(sam, [{ method: 'POST', path: `web/lists/getbytitle('${LISTS.accounts.title}')/items`, body: { Title: 'Planted', [F.Platform]: 'X', [F.Handle]: '@imp_planted', [F.AccountStatus]: 'Active', [F.ImportRunId]: runId } }]))
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    // Nor can staff hide an import that is shown: the run records are comms'.
    const complete = { id: listItems(LISTS.importRuns.title)[0].Id };
    const hide = await rest.send(sam, { method: 'POST', path: `web/lists/getbytitle('${LISTS.importRuns.title}')/items(${complete.id})`, body: { RunState: 'Removed' }, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } });
    const del = await rest.send(sam, { method: 'POST', path: `web/lists/getbytitle('${LISTS.importRuns.title}')/items(${complete.id})`, headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '*' } });
    expect([hide.status, del.status]).toEqual([403, 403]);
    expect(await rawEntries()).toEqual(before);
    expect(listItems(LISTS.importRuns.title)).toHaveLength(runsBefore);
    expect((await register('comms').isOurs('@imp_planted')).kind).toBe('notOurs');
  });
});
