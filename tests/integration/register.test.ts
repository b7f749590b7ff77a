import fc from 'fast-check';
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { SpRegisterRepository } from '../../src/data/sp/registerRepository';
import { RegisterService } from '../../src/services/registerService';
import { LISTS } from '../../src/data/schema';
import { handleKeyOf, normaliseHandle } from '../../src/domain/register/accountHandle';
import type { RegisterQuery, RegisterRow, RegisterSort } from '../../src/services/ports/register';

// The register read through the real PnPjs repository against the emulator: paging, filters and
// sort agree with the whole register read another way; "is this account ours?" answers from any
// spelling; user text in a search never breaks or widens the query; and at 20,000 accounts every
// query stays under the list view threshold, the first page and the answer in one round trip.

let emu: Emulator;
let all: RegisterRow[];
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  all = [];
  await new SpRegisterRepository(spAs(emu, person('siteOwner').upn)).forEachAccount((rows) => all.push(...rows));
});
afterAll(async () => { await emu?.close(); });

const staff = () => new RegisterService(new SpRegisterRepository(spAs(emu, person('staff').upn)), async () => 0);

/** Every page of a query, following the cursor. */
async function everyPage(service: RegisterService, q: Omit<RegisterQuery, 'after'>): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  let page = await service.page(q);
  rows.push(...page.rows);
  for (let guard = 0; page.next && guard < 100; guard++) {
    page = await service.page({ ...q, after: page.next });
    rows.push(...page.rows);
  }
  return rows;
}

const SORT_VALUE: Record<RegisterSort, (r: RegisterRow) => string> = {
  name: (r) => r.name, handle: (r) => r.handle, platform: (r) => r.platform, status: (r) => r.status, service: (r) => r.service ?? ''
};
/** The order SharePoint gives: case ignored, empty first, then by Id. */
const expectedOrder = (rows: RegisterRow[], sort: RegisterSort, desc: boolean) => [...rows].sort((a, b) => {
  const x = SORT_VALUE[sort](a).toLowerCase(), y = SORT_VALUE[sort](b).toLowerCase();
  const c = x === y ? 0 : x === '' ? -1 : y === '' ? 1 : x < y ? -1 : 1;
  return (desc ? -c : c) || a.id - b.id;
}).map((r) => r.id);

describe('the register on the demo site', () => {
  it('has enough entries to page and filter', () => {
    expect(all.length).toBeGreaterThan(25);
  });

  it.each([['name', false], ['name', true], ['handle', false], ['platform', true], ['status', false], ['service', true]] as [RegisterSort, boolean][])(
    'pages sorted by %s (descending %s) give every entry once, in order', async (sort, descending) => {
      const rows = await everyPage(staff(), { sort, descending, pageSize: 7 });
      expect(rows.map((r) => r.id)).toEqual(expectedOrder(all, sort, descending));
    });

  it('filters by platform, status, owning service and owner, together and alone', async () => {
    const olivia = all.find((r) => r.owner?.email === person('owner').upn)!.owner!.userId;
    const cases: [Partial<RegisterQuery>, (r: RegisterRow) => boolean][] = [
      [{ platform: 'X' }, (r) => r.platform === 'X'],
      [{ status: 'Active' }, (r) => r.status === 'Active'],
      [{ service: 'culture' }, (r) => (r.service ?? '').toLowerCase().startsWith('culture')],
      [{ ownerId: olivia }, (r) => r.owner?.userId === olivia],
      [{ platform: 'Facebook', status: 'Active', ownerId: olivia }, (r) => r.platform === 'Facebook' && r.status === 'Active' && r.owner?.userId === olivia]
    ];
    for (const [filters, test] of cases) {
      const rows = await everyPage(staff(), { sort: 'name', pageSize: 5, ...filters });
      const expected = all.filter(test);
      expect(expected.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.id)).toEqual(expectedOrder(expected, 'name', false));
    }
  });

  it('finds by name, handle or any address of the handle', async () => {
    const names = (rows: RegisterRow[]) => rows.map((r) => `${r.name} (${r.platform})`).sort();
    expect(names(await everyPage(staff(), { sort: 'name', pageSize: 50, search: 'museums' }))).toEqual(['Northshire Museums (Instagram)', 'Northshire Museums (X)']);
    expect(names(await everyPage(staff(), { sort: 'name', pageSize: 50, search: 'https://WWW.instagram.com/northshireparks/?hl=en' }))).toEqual(['Northshire Parks (Instagram)']);
    expect(names(await everyPage(staff(), { sort: 'name', pageSize: 50, search: '@northshirerecy' }))).toEqual(['Northshire Recycles (Facebook)']);
  });

  it('opens one account with its detail', async () => {
    const libraries = all.find((r) => r.platform === 'Facebook' && r.handle === 'northshirelibraries')!;
    const detail = await staff().account(libraries.id);
    expect(detail).toMatchObject({ name: 'Northshire Libraries', owner: { name: 'Olivia Reed' }, backup: { name: 'Ben Hughes' }, fromRequestId: 12, hashtags: '#NorthshireReads', profileStatesHours: true, responseTargetHours: 8 });
    expect(detail?.objectives).toMatch(/opening hours/);
    expect(await staff().account(99999)).toBeUndefined();
  });

  it('says whether an account is ours, from any way of writing it', async () => {
    const yes = await staff().isOurs('https://m.facebook.com/NorthshireLibraries/?ref=bookmarks#top');
    expect(yes).toMatchObject({ kind: 'ours', accounts: [{ platform: 'Facebook', owner: { name: 'Olivia Reed' }, backup: { name: 'Ben Hughes' } }] });
    const bare = await staff().isOurs('@NorthshireLibraries');
    expect(bare.kind === 'ours' && bare.accounts.map((a) => a.platform).sort()).toEqual(['Facebook', 'Instagram', 'TikTok', 'YouTube']);
    const otherPlatform = await staff().isOurs('twitter.com/northshirelibraries');
    expect(otherPlatform).toMatchObject({ kind: 'notOurs', asked: { platform: 'X', key: 'northshirelibraries' } });
    expect(otherPlatform.kind === 'notOurs' && otherPlatform.elsewhere.length).toBe(4);
    expect(await staff().isOurs('@northshire_impostor')).toMatchObject({ kind: 'notOurs', elsewhere: [] });
    expect(await staff().isOurs('https://x.com/home')).toMatchObject({ kind: 'unreadable', problem: 'notAnAccount' });
  });

  it('finds an entry saved before handle keys were stored by its handle', async () => {
    const owner = spAs(emu, person('siteOwner').upn);
    await owner.web.lists.getByTitle(LISTS.accounts.title).items.add({ Title: 'Old Entry', Platform: 'X', Handle: '@OldEntry', AccountStatus: 'Active' });
    expect(await staff().isOurs('https://x.com/oldentry')).toMatchObject({ kind: 'ours', accounts: [{ name: 'Old Entry' }] });
  });

  it('exports the register as CSV, formula-looking cells defused', async () => {
    const csv = (await staff().exportCsv()).split('\r\n').filter(Boolean);
    expect(csv[0]).toMatch(/^Id,Name,Platform,Handle,Profile URL,Owning service,Status,Owner/);
    expect(csv).toHaveLength(1 + all.length + 1);
    expect(csv.find((l) => l.includes('northshirelibraries') && l.includes('Facebook'))).toContain('Mon–Fri 09:00–17:00');
  });

  it('never breaks or widens a query with quotes or OData syntax in the search', async () => {
    const service = staff();
    const odataBits = fc.constantFrom("'", "''", "')", ' or ', ' and ', "') or (1 eq 1", 'Id gt 0', "substringof('a',Title)", '%27', '&$top=5000', '#', '?', '/', '\\', '@', 'eq null', '(', ')', ',', '$filter=');
    const text = fc.oneof(
      fc.array(fc.oneof(odataBits, fc.string({ maxLength: 4 }), fc.constantFrom('north', 'Parks', 'x.com/', '@northshire')), { minLength: 1, maxLength: 5 }).map((p) => p.join('')),
      fc.string({ minLength: 250, maxLength: 600 }).map((p) => `north${p}`)
    );
    await fc.assert(fc.asyncProperty(text, fc.constantFrom(undefined, 'X', 'Facebook'), async (search, platform) => {
      const rows = await everyPage(service, { sort: 'name', pageSize: 50, search, platform });
      const t = search.trim().toLowerCase();
      const read = normaliseHandle(search.trim());
      for (const r of rows) {
        if (platform) expect(r.platform).toBe(platform);
        const key = r.handleKey ?? handleKeyOf(r.handle);
        const matches = read.ok && read.platform
          ? key === read.key && r.platform === read.platform
          : r.name.toLowerCase().includes(t) || r.handle.toLowerCase().includes(t) || (read.ok && !!key?.startsWith(read.key));
        expect({ search, row: r.id, matches }).toEqual({ search, row: r.id, matches: true });
      }
      // Nothing that matches is left out either (no name or handle is longer than 255 characters).
      const expected = all.filter((r) => (!platform || r.platform === platform) && t !== '' && !read.ok && (r.name.toLowerCase().includes(t) || r.handle.toLowerCase().includes(t)));
      for (const e of expected) expect(rows.map((r) => r.id)).toContain(e.id);
    }), { numRuns: 60 });
  });
});

describe('a register of 20,000 accounts', () => {
  let big: Emulator;
  beforeAll(async () => {
    big = await startEmulator({ quiet: true });
    await seedDemoSite(big);
    const owner = spAs(big, person('siteOwner').upn);
    const me = (await owner.web.currentUser.select('Id')<{ Id: number }>()).Id;
    // 8,000 Facebook and 12,000 Active: filters on those alone would cross the 5,000 threshold.
    const platforms = ['Facebook', 'Facebook', 'X', 'Instagram', 'LinkedIn'];
    big.sharepoint.bulkAddItemsAs(LISTS.accounts.title, Array.from({ length: 20_000 }, (_, n) => {
      const handle = `account${String(n).padStart(5, '0')}`;
      return { authorId: me, values: { Title: `Service account ${n % 997}`, Platform: platforms[n % 5], Handle: handle, HandleKey: handle, OwningService: `Service ${n % 40}`, AccountStatus: n % 5 < 3 ? 'Active' : 'Proposed' } };
    }));
  });
  afterAll(async () => { await big?.close(); });

  const service = () => new RegisterService(new SpRegisterRepository(spAs(big, person('staff').upn)), async () => 0);

  it('answers the first page, filtered pages and "is this ours?" without the threshold refusing any', async () => {
    // The emulator refuses what SharePoint would: one filter on platform alone matches 8,000.
    const raw = spAs(big, person('staff').upn).web.lists.getByTitle(LISTS.accounts.title).items.filter("Platform eq 'Facebook'").top(25);
    await expect(raw()).rejects.toMatchObject({ status: 500 });
    big.requestLog.clear();
    const register = service();
    const first = await register.page({ sort: 'name', pageSize: 25 });
    expect(first.rows).toHaveLength(25);
    // The first page (and the highest Id, for the windows later) in one $batch.
    expect(big.requestLog.all().filter((r) => r.path.includes('/_api/'))).toHaveLength(1);
    big.requestLog.clear();
    const facebookActive = await register.page({ sort: 'handle', pageSize: 25, platform: 'Facebook', status: 'Active' });
    // Filtered: every Id window of 5,000 in one $batch, each part's first clause an Id range, after
    // the complete import runs (asked first: entries of an unfinished import are hidden).
    const [batch] = big.requestLog.all().filter((r) => r.path.includes('/_api/'));
    expect(big.requestLog.all().filter((r) => r.path.includes('/_api/'))).toHaveLength(1);
    expect(batch.parts?.length).toBe(6);
    expect(decodeURIComponent(batch.parts![0].path)).toContain(LISTS.importRuns.title);
    expect(batch.parts?.slice(1).every((p) => /\$filter=Id ge \d+/.test(decodeURIComponent(p.path).replace(/\+/g, ' ')) && p.status === 200)).toBe(true);
    expect(facebookActive.rows.every((r) => r.platform === 'Facebook' && r.status === 'Active')).toBe(true);
    expect(facebookActive.rows).toHaveLength(25);
    const second = await register.page({ sort: 'handle', pageSize: 25, platform: 'Facebook', status: 'Active', after: facebookActive.next });
    expect(second.rows[0].handle > facebookActive.rows[24].handle).toBe(true);
    big.requestLog.clear();
    expect(await register.isOurs('https://www.facebook.com/Account00005/')).toMatchObject({ kind: 'ours', accounts: [{ handle: 'account00005' }] });
    expect(big.requestLog.all().filter((r) => r.path.includes('/_api/'))).toHaveLength(1);
    // account00007 is on X: the same handle elsewhere is not this Facebook account.
    expect(await register.isOurs('https://www.facebook.com/Account00007/')).toMatchObject({ kind: 'notOurs', elsewhere: [{ platform: 'X' }] });
    const search = await register.page({ sort: 'name', pageSize: 25, search: 'account 99' });
    expect(search.rows).toHaveLength(25);
    expect(search.rows.every((r) => r.name.includes('account 99'))).toBe(true);
    expect(big.requestLog.all().filter((r) => r.status >= 400)).toEqual([]);
  });
});
