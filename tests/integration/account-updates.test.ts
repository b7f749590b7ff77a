import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { SpAccountUpdates } from '../../src/data/sp/accountUpdatesRepository';
import { SpGroupMembership } from '../../src/data/sp/groupMembership';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { AccountUpdatesService, type AccountHolders } from '../../src/services/accountUpdatesService';
import { newSubmissionId } from '../../src/data/sp/submissionId';
import { LISTS } from '../../src/data/schema';
import type { AccountUpdateInput } from '../../src/domain/accountUpdates';

// Owners keep an account's operational record current: anyone can add an update (the list lets
// everyone add), but only the owner's, the backup's or comms' count, judged from SharePoint's own
// Author and Created against the register.

let emu: Emulator;
const ids: Record<string, number> = {};
let libraries: AccountHolders;
type Persona = Parameters<typeof person>[0];

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'backup', 'comms'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
  const [entry] = await spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.accounts.title).items
    .filter(`OwnerId eq ${ids.owner} and BackupId eq ${ids.backup}`).select('Id', 'OwnerId', 'BackupId', 'Created').top(1)<{ Id: number; OwnerId: number; BackupId: number; Created: string }[]>();
  libraries = { accountId: entry.Id, ownerId: entry.OwnerId, backupId: entry.BackupId, created: entry.Created };
});
afterAll(async () => { await emu?.close(); });

const service = (p: Persona) => {
  const sp = spAs(emu, person(p).upn);
  return new AccountUpdatesService(new SpAccountUpdates(sp, async () => ids[p]), new SpGroupMembership(sp), new SpActivityLog(sp), newSubmissionId);
};

const update = (rota: string): AccountUpdateInput => ({
  rota, staffedHours: { allHours: false, slots: [{ day: 'Mon', from: '09:00', to: '17:00' }, { day: 'Tue', from: '09:00', to: '17:00' }], profileWillSaySo: true },
  responseTargetHours: '8', contentPlan: 'Events on Mondays, reading lists on Thursdays.'
});

it("the owner's update counts; a colleague's is saved but does not, and comms see why", async () => {
  const filed = await service('owner').file(libraries, update('Olivia weekdays, Ben covers leave'), newSubmissionId());
  expect(filed.counts).toBe(true);
  expect(filed.current).toMatchObject({ rota: 'Olivia weekdays, Ben covers leave', responseTargetHours: 8, profileStatesHours: true, authorId: ids.owner });
  expect(JSON.parse(filed.current!.staffedHours)).toEqual({ slots: [{ days: ['Mon'], from: '09:00', to: '17:00' }, { days: ['Tue'], from: '09:00', to: '17:00' }] });

  const planted = await service('staff').file(libraries, update('Sam runs it now'), newSubmissionId());
  expect(planted.counts).toBe(false);
  expect(planted.current?.rota).toBe('Olivia weekdays, Ben covers leave');

  const seen = await service('comms').operations(libraries);
  expect(seen.current?.authorId).toBe(ids.owner);
  expect(seen.ignored.map((i) => [i.record.authorId, i.reason])).toEqual([[ids.staff, 'not-entitled']]);
});

it("the backup's later update becomes current; a retry with the same id files nothing new", async () => {
  const submissionId = newSubmissionId();
  const first = await service('backup').file(libraries, update('Ben this month while Olivia is away'), submissionId);
  const again = await service('backup').file(libraries, update('Ben this month while Olivia is away'), submissionId);
  expect(again.record.id).toBe(first.record.id);
  expect(again.current?.id).toBe(first.record.id);
  expect((await new SpAccountUpdates(spAs(emu, person('comms').upn), async () => ids.comms).forAccount(libraries.accountId)).filter((u) => u.submissionId === submissionId)).toHaveLength(1);
});

it('refuses an update that leaves out what the register needs, saving nothing', async () => {
  const before = (await new SpAccountUpdates(spAs(emu, person('comms').upn), async () => ids.comms).forAccount(libraries.accountId)).length;
  await expect(service('owner').file(libraries, { ...update(''), responseTargetHours: 'soon' }, newSubmissionId())).rejects.toMatchObject({ kind: 'validation' });
  expect((await new SpAccountUpdates(spAs(emu, person('comms').upn), async () => ids.comms).forAccount(libraries.accountId)).length).toBe(before);
});

it('an update saved without its answer and then changed is filed again as the changed one, not lost', async () => {
  const submissionId = newSubmissionId();
  const first = await service('owner').file(libraries, update('First wording'), submissionId);
  // The person never saw "saved" (the answer was lost), changed the rota and pressed Save again.
  const second = await service('owner').file(libraries, update('Second wording, after the change'), submissionId);
  expect(second.record.id).not.toBe(first.record.id);
  expect(second.current?.rota).toBe('Second wording, after the change');
});

it('still reads an account whose updates someone flooded past the list view threshold', async () => {
  emu.sharepoint.bulkAddItemsAs(LISTS.accountUpdates.title, Array.from({ length: 5200 }, (_, n) => ({ authorId: ids.staff, values: { Title: 'Flood', AccountId: libraries.accountId, Rota: `flood ${n}`, SubmissionId: `flood-${n}` } })));
  const filed = await service('owner').file(libraries, update('After the flood'), newSubmissionId());
  expect(filed.counts).toBe(true);
  const seen = await service('comms').operations(libraries);
  expect(seen.current?.rota).toBe('After the flood');
  expect(seen.ignored.length).toBeGreaterThanOrEqual(5200);
});
