import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person, rejection } from '../support/emulator-sharepoint';
import { SpAcknowledgementRepository } from '../../src/data/sp/acknowledgementRepository';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { PolicyService } from '../../src/services/policyService';
import { CoverageService } from '../../src/services/coverageService';
import { LISTS } from '../../src/data/schema';
import { seedDemoSite } from '../support/site';

// Acknowledgements through the real repositories and raw PnPjs calls: who acknowledged is who
// SharePoint says wrote the item, people only ever see their own, comms see all, and the coverage
// queries stay under the list view threshold at 100,000 acknowledgements.

let emu: Emulator;
const ids: Record<string, number> = {};

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'backup', 'comms'] as const) {
    ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
  }
});

afterAll(async () => {
  await emu?.close();
});

const acksAs = (p: Parameters<typeof person>[0]) => spAs(emu, person(p).upn).web.lists.getByTitle(LISTS.acknowledgements.title).items;

describe('acknowledging through the product', () => {
  it('a member of staff acknowledges once; the banner state follows', async () => {
    const sp = spAs(emu, person('staff').upn);
    const service = new PolicyService(new SpPolicyRepository(sp), new SpAcknowledgementRepository(sp), async () => ids.staff);
    const before = await service.loadPage();
    expect(before.acknowledgement.required).toBe(true);
    const after = await service.acknowledge(before);
    expect(after.acknowledgement.required).toBe(false);
    expect((await service.loadPage()).acknowledgement).toEqual({ required: false, acknowledgedAt: expect.any(String), release: expect.objectContaining({ label: '1.0' }) });
  });
});

describe('acknowledgements, tried through raw REST', () => {
  it("cannot be written in someone else's name: SharePoint records the caller as the author", async () => {
    const added = await acksAs('staff').add({ Title: 'forged', PolicyMajor: 1, AuthorId: ids.owner, EditorId: ids.owner });
    expect(added.AuthorId).toBe(ids.staff);
  });

  it("cannot be read, changed or deleted by anyone but comms (people see only their own)", async () => {
    const ownerAck = await acksAs('owner').add({ Title: 'Acknowledged', PolicyMajor: 1 });
    const seenByStaff = await acksAs('staff').select('Id', 'AuthorId')<{ Id: number; AuthorId: number }[]>();
    expect(seenByStaff.length).toBeGreaterThan(0);
    expect(seenByStaff.every((a) => a.AuthorId === ids.staff)).toBe(true);
    expect((await rejection(acksAs('staff').getById(ownerAck.Id)())).status).toBe(404);
    expect([403, 404]).toContain((await rejection(acksAs('staff').getById(ownerAck.Id).delete())).status);
    expect([403, 404]).toContain((await rejection(acksAs('staff').getById(ownerAck.Id).update({ PolicyMajor: 99 }))).status);
  });

  it('cannot even be withdrawn by their author (append-only)', async () => {
    const mine = await acksAs('backup').add({ Title: 'Acknowledged', PolicyMajor: 1 });
    expect((await rejection(acksAs('backup').getById(mine.Id).delete())).status).toBe(403);
    expect((await rejection(acksAs('backup').getById(mine.Id).update({ PolicyMajor: 2 }))).status).toBe(403);
  });

  it('comms read everyone\'s', async () => {
    const all = await acksAs('comms').select('AuthorId')<{ AuthorId: number }[]>();
    expect(new Set(all.map((a) => a.AuthorId))).toEqual(new Set([ids.staff, ids.owner, ids.backup]));
  });
});

describe('coverage at 100,000 acknowledgements', () => {
  it('answers owners and backups and counts everyone without crossing the list view threshold', async () => {
    // 100,000 people, each acknowledging once, and a few twice (two tabs): a person counts once.
    const staff = emu.sharepoint.addSyntheticStaff(100_000);
    const ack = { Title: 'Acknowledged', PolicyMajor: 1, VersionLabel: '1.0' };
    emu.sharepoint.bulkAddItemsAs(LISTS.acknowledgements.title, [...staff, ...staff.slice(0, 50)].map((authorId) => ({ authorId, values: ack })));
    emu.requestLog.clear();
    const sp = spAs(emu, person('comms').upn);
    const coverage = new CoverageService(new SpAccountsRepository(sp), new SpAcknowledgementRepository(sp));
    const policy = await new SpPolicyRepository(sp).getVersion(1);
    const people = await coverage.keyPeople(policy);
    expect(people.map((p) => [p.name, !!p.acknowledgedAt])).toEqual([['Leah Ward', false], ['Ben Hughes', true], ['Olivia Reed', true]]);
    emu.requestLog.clear();
    const progress: number[] = [];
    const count = await coverage.count(policy, (n) => progress.push(n));
    // The synthetic 100,000 plus staff, owner and backup from the tests above.
    expect(count).toBe(100_003);
    expect(progress[progress.length - 1]).toBe(count);
    // Id windows of 5,000, five to a $batch: each query's first clause narrows to ≤ 5,000 rows.
    const log = emu.requestLog.all();
    const parts = log.flatMap((r) => r.parts ?? []);
    expect(parts.length).toBe(Math.ceil(100_054 / 5000));
    expect(parts.every((p) => /\$filter=Id ge /i.test(decodeURIComponent(p.path).replace(/\+/g, " ")))).toBe(true);
    expect(log.filter((r) => r.path.includes('$batch'))).toHaveLength(Math.ceil(parts.length / 5));
    expect(parts.every((p) => !/expand/i.test(p.path) && p.status === 200)).toBe(true);
    // With names and sign-in names (what the audience is matched on): still one person each, no failures.
    const everyone = await coverage.everyone(policy);
    expect(everyone).toHaveLength(count);
    const upn = `staff${String(staff[0]).padStart(6, '0')}@synthetic.example`;
    expect(everyone.find((a) => a.userId === staff[0])).toMatchObject({ name: `Staff member ${staff[0]}`, email: upn, login: upn });
    const failed = emu.requestLog.all().filter((r) => r.status >= 400);
    expect(failed).toEqual([]);
    // 100,000 items take a while to seed and read on a busy machine; the limit is for a hung run only.
  }, 180_000);
});
