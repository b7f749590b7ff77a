import { RegisterService } from '../../src/services/registerService';
import type { AccountDetail, IRegisterRepository, RegisterRow } from '../../src/services/ports/register';

// "Is this account ours?" decided from what the repository finds by key: the platform must agree
// where both say one, and entries saved before keys are matched by their handle.

const row = (id: number, platform: string, handle: string, extra: Partial<RegisterRow> = {}): RegisterRow => ({ id, name: `Account ${id}`, platform, handle, status: 'Active', ...extra });

class FakeRegister implements IRegisterRepository {
  public asked: string[] = [];
  public constructor(private readonly rows: RegisterRow[]) {}
  public async page() { return { rows: this.rows }; }
  public async account(id: number) { const r = this.rows.find((x) => x.id === id); return r ? { ...r, created: '2026-01-01T00:00:00Z', modified: '2026-01-02T00:00:00Z' } : undefined; }
  // Like SharePoint: the key column, or the handle compared without regard to case.
  public async withHandleKey(key: string) {
    this.asked.push(key);
    return this.rows.filter((r) => r.handleKey === key || [key, `@${key}`].includes(r.handle.toLowerCase()));
  }
  public async forEachAccount(onPage: (rows: AccountDetail[]) => void) {
    onPage(this.rows.map((r) => ({ ...r, created: '', modified: '' })));
  }
}

const service = (rows: RegisterRow[]) => {
  const repo = new FakeRegister(rows);
  return { repo, register: new RegisterService(repo, async () => 1) };
};

describe('is this account ours?', () => {
  const rows = [
    row(1, 'Facebook', 'northshirelibraries', { handleKey: 'northshirelibraries', owner: { userId: 7, name: 'Olivia Reed', email: 'o@x', login: 'o@x' } }),
    row(2, 'Instagram', 'northshirelibraries', { handleKey: 'northshirelibraries' }),
    row(3, 'X', '@OldHandle'),
    row(4, 'X', 'someoneelse', { handleKey: 'someoneelse', status: 'Closed' })
  ];

  it('answers yes for the account on the platform the address names, with its owner', async () => {
    const { register, repo } = service(rows);
    expect(await register.isOurs('https://www.facebook.com/NorthshireLibraries/')).toMatchObject({ kind: 'ours', accounts: [{ id: 1, owner: { name: 'Olivia Reed' } }] });
    expect(repo.asked).toEqual(['northshirelibraries']);
  });

  it('answers yes on every platform for a bare handle', async () => {
    const answer = await service(rows).register.isOurs('@northshirelibraries');
    expect(answer.kind === 'ours' && answer.accounts.map((a) => a.id)).toEqual([1, 2]);
  });

  it('answers no for the same handle on another platform, and says where it is ours', async () => {
    expect(await service(rows).register.isOurs('tiktok.com/@northshirelibraries')).toMatchObject({ kind: 'notOurs', asked: { platform: 'TikTok' }, elsewhere: [{ id: 1 }, { id: 2 }] });
  });

  it('finds an entry saved before keys by its handle as written', async () => {
    expect(await service(rows).register.isOurs('x.com/oldhandle')).toMatchObject({ kind: 'ours', accounts: [{ id: 3 }] });
  });

  it('still answers yes for a closed account, whose status says so', async () => {
    expect(await service(rows).register.isOurs('@someoneelse')).toMatchObject({ kind: 'ours', accounts: [{ id: 4, status: 'Closed' }] });
  });

  it('refuses what is not an account without asking SharePoint', async () => {
    const { register, repo } = service(rows);
    expect(await register.isOurs('https://www.instagram.com/p/abc/')).toMatchObject({ kind: 'unreadable', problem: 'notAnAccount' });
    expect(repo.asked).toEqual([]);
  });
});

describe('the export', () => {
  it('has a row per account and defuses cells that look like formulas', async () => {
    const { register } = service([row(1, 'X', 'a', { name: '=HYPERLINK("http://evil")', handleKey: 'a' }), row(2, 'Facebook', 'b')]);
    const lines = (await register.exportCsv()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
