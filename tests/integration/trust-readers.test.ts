import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { SpGroupMembership } from '../../src/data/sp/groupMembership';
import { BUILT_IN, LISTS, fieldNames } from '../../src/data/schema';
import { countingMonthlyReports, countingReviews, countingVaultPublicKeys, heldAt } from '../../src/domain/trust';

// The readers' inputs come from SharePoint as it is: group membership any member of staff can read,
// the register timeline, and raw records whose Author SharePoint recorded; the domain decides.

let emu: Emulator;
const ids: Record<string, number> = {};
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'backup', 'comms', 'commsHead', 'siteOwner'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
});
afterAll(async () => { await emu?.close(); });

it('anyone reads who is in comms and comms heads; the site owner who ran set-up is in neither', async () => {
  const groups = new SpGroupMembership(spAs(emu, person('staff').upn));
  expect((await groups.memberIds('comms')).sort()).toEqual([ids.comms, ids.commsHead].sort());
  expect(await groups.memberIds('commsHeads')).toEqual([ids.commsHead]);
});

it('the register timeline says who holds an account now (from the entries\' versions)', async () => {
  const timeline = await new SpAccountsRepository(spAs(emu, person('staff').upn)).registerTimeline();
  const now = new Date().toISOString();
  const libraries = timeline.find((p) => p.role === 'owner' && p.userId === ids.owner)!.accountId;
  expect(heldAt(timeline, libraries, ids.owner, now, 'owner')).toBe(true);
  expect(heldAt(timeline, libraries, ids.backup, now, 'backup')).toBe(true);
  expect(heldAt(timeline, libraries, ids.staff, now)).toBe(false);
});

it('after comms hand an account over, the timeline keeps the earlier owner for the time they held it', async () => {
  const repo = new SpAccountsRepository(spAs(emu, person('staff').upn));
  const before = await repo.registerTimeline();
  // The last of Olivia's accounts (the tests below use her first).
  const period = before.filter((p) => p.role === 'owner' && p.userId === ids.owner && p.to === undefined).pop()!;
  await spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.accounts.title).items.getById(period.accountId).update({ OwnerId: ids.staff });
  const after = await repo.registerTimeline();
  const handedOver = after.find((p) => p.accountId === period.accountId && p.role === 'owner' && p.userId === ids.staff)!;
  expect(handedOver.to).toBeUndefined();
  expect(Date.parse(handedOver.from)).toBeGreaterThan(Date.parse(period.from));
  expect(heldAt(after, period.accountId, ids.owner, period.from, 'owner')).toBe(true);
  expect(heldAt(after, period.accountId, ids.owner, handedOver.from, 'owner')).toBe(false);
  expect(heldAt(after, period.accountId, ids.staff, period.from, 'owner')).toBe(false);
  expect(heldAt(after, period.accountId, ids.staff, new Date(Date.now() + 60_000).toISOString(), 'owner')).toBe(true);
});

it('a monthly report planted by someone who does not hold the account is stored, and ignored by the rule', async () => {
  const F = fieldNames(LISTS.monthlyReports);
  const timeline = await new SpAccountsRepository(spAs(emu, person('staff').upn)).registerTimeline();
  const account = timeline.find((p) => p.role === 'owner' && p.userId === ids.owner)!.accountId;
  const report = { [BUILT_IN.Title]: 'March', [F.AccountId]: account, [F.ReportMonth]: '2026-03', [F.Narrative]: 'Fine' };
  const real = await spAs(emu, person('owner').upn).web.lists.getByTitle(LISTS.monthlyReports.title).items.add(report);
  const planted = await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.monthlyReports.title).items.add({ ...report, [F.Narrative]: 'All great, nothing to see' });
  // Comms read everyone's reports (read-all) as raw records: id, Author, Created, fields.
  const raw = await spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.monthlyReports.title).items
    .select(BUILT_IN.Id, BUILT_IN.AuthorId, BUILT_IN.Created, F.AccountId, F.ReportMonth)<{ Id: number; AuthorId: number; Created: string; AccountId: number; ReportMonth: string }[]>();
  const records = raw.map((r) => ({ id: r.Id, authorId: r.AuthorId, created: r.Created, accountId: r.AccountId, month: r.ReportMonth }));
  const verdict = countingMonthlyReports(records, { timeline: await new SpAccountsRepository(spAs(emu, person('comms').upn)).registerTimeline() });
  expect(verdict.counting.map((r) => r.id)).toEqual([real.Id]);
  expect(verdict.ignored).toEqual([{ record: expect.objectContaining({ id: planted.Id, authorId: ids.staff }), reason: 'not-entitled' }]);
});

it('a vault public key counts for its author while they are in comms; nobody can write one in another\'s name', async () => {
  const F = fieldNames(LISTS.vaultPublicKeys);
  const keys = spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.vaultPublicKeys.title).items;
  const added = await keys.add({ [BUILT_IN.Title]: 'key', [F.PublicKey]: '{"kty":"RSA"}', [BUILT_IN.AuthorId]: ids.commsHead });
  expect(added.AuthorId).toBe(ids.comms);
  const raw = await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.vaultPublicKeys.title).items.select(BUILT_IN.Id, BUILT_IN.AuthorId, BUILT_IN.Created)<{ Id: number; AuthorId: number; Created: string }[]>();
  const records = raw.map((r) => ({ id: r.Id, authorId: r.AuthorId, created: r.Created }));
  const comms = await new SpGroupMembership(spAs(emu, person('staff').upn)).memberIds('comms');
  expect(countingVaultPublicKeys(records, { comms }).counting.map((r) => r.authorId)).toEqual([ids.comms]);
  expect(countingVaultPublicKeys(records, { comms: comms.filter((id) => id !== ids.comms) }).ignored).toHaveLength(1);
});

it('comms open a review to its requester alone: the requester reads it by id, nobody else does, and it still counts as unedited', async () => {
  const R = fieldNames(LISTS.requests);
  const V = fieldNames(LISTS.reviews);
  const request = await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.requests.title).items.add({ [BUILT_IN.Title]: 'New account', [R.RequestType]: 'New account', [R.SubmissionId]: 'sam-1', [R.Details]: '{}' });
  const comms = spAs(emu, person('comms').upn);
  const reviews = comms.web.lists.getByTitle(LISTS.reviews.title).items;
  const review = await reviews.add({ [BUILT_IN.Title]: 'Review', [V.RequestId]: request.Id, [V.Outcome]: 'More information', [V.Message]: 'Which service runs it?', [V.SubmissionId]: 'r-1' });
  // Copying the list's assignments keeps the writer at add-and-share on the item (no edit right).
  await reviews.getById(review.Id).breakRoleInheritance(true, false);
  const read = await comms.web.roleDefinitions.getByType(2).select('Id')<{ Id: number }>();
  await reviews.getById(review.Id).roleAssignments.add(ids.staff, read.Id);

  const asStaff = await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.reviews.title).items.getById(review.Id)
    .select(BUILT_IN.Id, BUILT_IN.AuthorId, BUILT_IN.Created, BUILT_IN.Modified, V.RequestId, V.Outcome)<{ Id: number; AuthorId: number; Created: string; Modified: string; RequestId: number; Outcome: 'More information' }>();
  expect(asStaff).toMatchObject({ Id: review.Id, AuthorId: ids.comms, RequestId: request.Id });
  const other = await reviews.add({ [BUILT_IN.Title]: 'Review', [V.RequestId]: 9999, [V.Outcome]: 'Reject', [V.SubmissionId]: 'r-2' });
  const listed = await spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.reviews.title).items.select(BUILT_IN.Id)<{ Id: number }[]>();
  expect(listed.map((r) => r.Id)).toEqual([review.Id]);
  expect(listed.map((r) => r.Id)).not.toContain(other.Id);
  // Its writer holds no edit right on it (append-only), and the requester only reads it.
  for (const who of ['comms', 'staff'] as const) {
    const refused = await spAs(emu, person(who).upn).web.lists.getByTitle(LISTS.reviews.title).items.getById(review.Id).update({ [V.Outcome]: 'Reject' }).then(() => undefined, (x: { status: number }) => x);
    expect(refused?.status).toBe(403);
  }
  const e = await spAs(emu, person('owner').upn).web.lists.getByTitle(LISTS.reviews.title).items.getById(review.Id)().then(() => undefined, (x: { status: number }) => x);
  expect([403, 404]).toContain(e?.status);
  const record = { id: asStaff.Id, authorId: asStaff.AuthorId, created: asStaff.Created, modified: asStaff.Modified, requestId: asStaff.RequestId, outcome: asStaff.Outcome };
  const comms_ = await new SpGroupMembership(spAs(emu, person('staff').upn)).memberIds('comms');
  expect(countingReviews([record], { comms: comms_ }).counting).toEqual([record]);
});
