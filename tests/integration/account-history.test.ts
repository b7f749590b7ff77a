import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { SpAccountUpdates } from '../../src/data/sp/accountUpdatesRepository';
import { SpAccountHistory } from '../../src/data/sp/accountHistoryRepository';
import { SpGroupMembership } from '../../src/data/sp/groupMembership';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { AccountUpdatesService, type AccountHolders } from '../../src/services/accountUpdatesService';
import { AccountHistoryService } from '../../src/services/accountHistoryService';
import { entryHistory } from '../../src/domain/register/accountHistory';
import { newSubmissionId } from '../../src/data/sp/submissionId';
import { LISTS } from '../../src/data/schema';
import type { AccountUpdateInput } from '../../src/domain/accountUpdates';

// The register entry's versions are its ownership timeline: when comms hand an account to a new
// owner, the earlier owner's updates keep counting and the new owner's older ones do not start to.
// The same versions are the history the detail panel shows, with the request the entry came from.

let emu: Emulator;
const ids: Record<string, number> = {};
let account: AccountHolders;
let requestId: number;
type Persona = Parameters<typeof person>[0];
const words = { yes: 'yes', no: 'no', hours: (n: number) => `${n} hours`, unreadableHours: '?' };

/**
 * SharePoint stamps items in whole seconds; the handover must fall in a later second than the
 * updates filed before it (as it would between people), so the test waits for the next second.
 */
const nextSecond = () => new Promise((r) => setTimeout(r, 1001 - (Date.now() % 1000)));

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'backup', 'comms'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
  const comms = spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.accounts.title);
  const [entry] = await comms.items.filter(`OwnerId eq ${ids.owner} and BackupId eq ${ids.backup}`).select('Id', 'OwnerId', 'BackupId', 'Created').top(1)<{ Id: number; OwnerId: number; BackupId: number; Created: string }[]>();
  // Sam's request, which the entry came from.
  const req = await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.requests.title).items.add({ Title: 'Libraries account', RequestType: 'New account', SubmissionId: newSubmissionId(), Details: '{}' });
  requestId = req.Id as number;
  await comms.items.getById(entry.Id).update({ FromRequestId: requestId });
  account = { accountId: entry.Id, ownerId: entry.OwnerId, backupId: entry.BackupId, created: entry.Created };
});
afterAll(async () => { await emu?.close(); });

const updates = (p: Persona) => {
  const sp = spAs(emu, person(p).upn);
  return new AccountUpdatesService(new SpAccountUpdates(sp, async () => ids[p]), new SpGroupMembership(sp), new SpActivityLog(sp), newSubmissionId, new SpAccountHistory(sp));
};
const history = (p: Persona) => new AccountHistoryService(new SpAccountHistory(spAs(emu, person(p).upn)), async () => ids[p]);

const update = (rota: string): AccountUpdateInput => ({
  rota, staffedHours: { allHours: true, slots: [], profileWillSaySo: false }, responseTargetHours: '8', contentPlan: 'Events on Mondays.'
});

it('after comms hand the account to a new owner, updates count for whoever held it when they were filed', async () => {
  const oliviaBefore = await updates('owner').file(account, update('Olivia, before the handover'), newSubmissionId());
  const samBefore = await updates('staff').file(account, update('Sam, before he owned it'), newSubmissionId());
  expect(oliviaBefore.counts).toBe(true);
  expect(samBefore.counts).toBe(false);

  await nextSecond();
  await spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.accounts.title).items.getById(account.accountId).update({ OwnerId: ids.staff });
  await nextSecond();
  const now: AccountHolders = { ...account, ownerId: ids.staff };
  const samAfter = await updates('staff').file(now, update('Sam, now the owner'), newSubmissionId());
  const oliviaAfter = await updates('owner').file(now, update('Olivia, after handing over'), newSubmissionId());
  expect(samAfter.counts).toBe(true);
  expect(oliviaAfter.counts).toBe(false);

  // As comms read it: Olivia's earlier update still counts, Sam's from before he owned it still does not.
  const seen = await updates('comms').operations(now);
  expect(seen.current?.id).toBe(samAfter.record.id);
  expect(seen.ignored.map((i) => i.record.id).sort()).toEqual([samBefore.record.id, oliviaAfter.record.id].sort());

  const lines = (await history('comms').read({ id: account.accountId, fromRequestId: requestId, ownerId: ids.staff, backupId: ids.backup, created: account.created })).updates;
  const counted = new Map(lines.map((l) => [l.id, l.counts]));
  expect([oliviaBefore, samBefore, samAfter, oliviaAfter].map((f) => counted.get(f.record.id))).toEqual([true, false, true, false]);
  expect(lines.find((l) => l.id === samAfter.record.id)?.authorName).toBe('Sam Patel');
});

it('the history says who changed the owner, from whom to whom, newest first', async () => {
  const read = await history('backup').read({ id: account.accountId, fromRequestId: requestId, ownerId: ids.staff, created: account.created });
  const entries = entryHistory(read.versions, words);
  const handover = entries.find((e) => e.changes.some((c) => c.field === 'owner'))!;
  expect(handover.by).toBe('Chris Morgan');
  expect(handover.changes).toEqual([{ field: 'owner', from: 'Olivia Reed', to: 'Sam Patel' }]);
  expect(entries[entries.length - 1].added).toBe(true);
  const times = entries.map((e) => Date.parse(e.at));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  expect(new Set(times).size).toBe(times.length);
});

it('reads the whole history in one round trip (a $batch) when the panel opens', async () => {
  const service = history('staff');
  emu.requestLog.clear();
  await service.read({ id: account.accountId, fromRequestId: requestId, created: account.created });
  const log = emu.requestLog.all();
  expect(log).toHaveLength(1);
  expect(log[0].path).toContain('$batch');
  expect((log[0].parts ?? []).every((p) => p.status === 200)).toBe(true);
});

it('links the request only for those SharePoint lets open it', async () => {
  const args = { id: account.accountId, fromRequestId: requestId, created: account.created };
  expect((await history('staff').read(args)).request).toEqual({ id: requestId, opensIn: 'requests' });
  expect((await history('comms').read(args)).request).toEqual({ id: requestId, opensIn: 'review' });
  // Ben may not read Sam's request: the history names it, with no way in.
  expect((await history('backup').read(args)).request).toEqual({ id: requestId, opensIn: undefined });
  // And the request really is closed to him through raw REST.
  const res = await fetch(`${emu.siteUrl}/_api/web/lists/getbytitle('${LISTS.requests.title}')/items(${requestId})`, { headers: { 'x-emulator-user': person('backup').upn, Accept: 'application/json' } });
  expect(res.status).toBe(404);
});
