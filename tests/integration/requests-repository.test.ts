import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person, control } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { SpRequestsRepository } from '../../src/data/sp/requestsRepository';
import { SpGroupMembership } from '../../src/data/sp/groupMembership';
import { requestState, countingRequests } from '../../src/domain/trust';
import { newSubmissionId } from '../../src/data/sp/submissionId';
import type { RequestRecords } from '../../src/services/ports/requests';

// Requests, reviews and decisions against the emulator: SharePoint decides who wrote what and when,
// and who may read it. A retry after a lost answer never makes a second request; a review or
// decision is opened to its requester alone; nobody writes what the list does not let them.

let emu: Emulator;
const ids: Record<string, number> = {};
type Persona = Parameters<typeof person>[0];

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'backup', 'comms', 'commsHead', 'siteOwner'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
});
afterAll(async () => { await emu?.close(); });
afterEach(async () => { await control(emu, 'DELETE', '/faults'); });

const repo = (p: Persona) => new SpRequestsRepository(spAs(emu, person(p).upn), async () => ids[p]);
const details = (text: string) => JSON.stringify({ version: 1, idea: text });

async function stateOf(records: RequestRecords, originalId: number) {
  const groups = new SpGroupMembership(spAs(emu, person('comms').upn));
  return requestState(originalId, { ...records, comms: await groups.memberIds('comms'), commsHeads: await groups.memberIds('commsHeads') });
}

it('a retry after the answer was lost answers with the request it already made, which is the one that counts', async () => {
  const sam = repo('staff');
  const submissionId = newSubmissionId();
  await control(emu, 'POST', '/faults', { match: '^POST .*SMH%20Requests.*/items$|^POST .*SMH Requests.*/items$', dropAfter: true });
  const first = await sam.submit({ type: 'Idea or question', details: details('A podcast'), submissionId }).catch((e: unknown) => e);
  // The add happened, but the answer was lost: the repository looked again and found it.
  expect(first).toMatchObject({ type: 'Idea or question', submissionId, authorId: ids.staff });
  const again = await sam.submit({ type: 'Idea or question', details: details('A podcast'), submissionId });
  expect(again.id).toBe((first as { id: number }).id);
  const mine = await sam.mine(ids.staff);
  // PnPjs itself repeats a POST whose answer was lost, so SharePoint may hold the request twice;
  // every reader counts one, the earliest, the one both calls answered with.
  const counted = countingRequests(mine.requests).counting.filter((r) => r.submissionId === submissionId);
  expect(counted.map((r) => r.id)).toEqual([again.id]);
  expect(Math.min(...mine.requests.filter((r) => r.submissionId === submissionId).map((r) => r.id))).toBe(again.id);
});

it('requesters read only their own requests; comms and the heads read all', async () => {
  const own = await repo('owner').submit({ type: 'Idea or question', details: details("Olivia's idea"), submissionId: newSubmissionId() });
  expect((await repo('staff').mine(ids.staff)).requests.some((r) => r.id === own.id)).toBe(false);
  expect((await repo('staff').one(own.id)).requests).toEqual([]);
  expect((await repo('comms').all()).requests.some((r) => r.id === own.id)).toBe(true);
  expect((await repo('commsHead').one(own.id)).requests.map((r) => r.id)).toEqual([own.id]);
});

it('comms review and the head decides; each is opened to the requester alone, and the state follows', async () => {
  const sam = repo('staff');
  const request = await sam.submit({ type: 'New account', details: details('Housing on Instagram'), submissionId: newSubmissionId() });
  const review = await repo('comms').review({ requestId: request.id, requesterId: ids.staff, outcome: 'To decision', message: 'Looks well planned.', submissionId: newSubmissionId() });
  expect(review).toMatchObject({ requestId: request.id, outcome: 'To decision', authorId: ids.comms, message: 'Looks well planned.' });

  let mine = await sam.mine(ids.staff);
  expect(mine.reviews.map((r) => r.id)).toContain(review.id);
  expect((await stateOf(mine, request.id))?.status).toBe('awaiting-decision');
  // Olivia, another member of staff, sees nothing of it.
  expect((await repo('owner').one(request.id)).reviews).toEqual([]);

  const decision = await repo('commsHead').decide({ requestId: request.id, requesterId: ids.staff, outcome: 'Approve', reason: 'Good case.', submissionId: newSubmissionId() });
  mine = await sam.mine(ids.staff);
  expect(mine.decisions.map((d) => d.id)).toEqual([decision.id]);
  expect((await stateOf(mine, request.id))?.status).toBe('approved');
  expect((await repo('owner').one(request.id)).decisions).toEqual([]);

  // A revision after the decision is written (the list lets everyone add) but does not count.
  await sam.submit({ type: 'New account', details: details('changed my mind'), submissionId: newSubmissionId(), revisionOf: request.id });
  const after = await stateOf(await sam.one(request.id), request.id);
  expect(after?.status).toBe('approved');
  expect(after?.revisions.ignored.map((i) => i.reason)).toEqual(['after-decision']);
});

it('a review or decision retried with the same id is written once and still opened to the requester', async () => {
  const request = await repo('staff').submit({ type: 'Close account', details: details('Old events account'), submissionId: newSubmissionId() });
  const submissionId = newSubmissionId();
  const input = { requestId: request.id, requesterId: ids.staff, outcome: 'More information' as const, message: 'Who runs it today?', submissionId };
  const a = await repo('comms').review(input);
  const b = await repo('comms').review(input);
  expect(b.id).toBe(a.id);
  const reviews = (await repo('comms').one(request.id)).reviews;
  expect(reviews.filter((r) => r.id === a.id)).toHaveLength(1);
  expect(reviews).toHaveLength(1);
  expect((await repo('staff').mine(ids.staff)).reviews.map((r) => r.id)).toContain(a.id);
});

it('staff cannot review or decide, comms cannot decide: SharePoint refuses and nothing is written', async () => {
  const request = await repo('staff').submit({ type: 'Idea or question', details: details('Try TikTok'), submissionId: newSubmissionId() });
  const attempts = [
    repo('staff').review({ requestId: request.id, requesterId: ids.staff, outcome: 'To decision', message: 'Approving my own', submissionId: newSubmissionId() }),
    repo('staff').decide({ requestId: request.id, requesterId: ids.staff, outcome: 'Approve', reason: 'Self-approved', submissionId: newSubmissionId() }),
    repo('comms').decide({ requestId: request.id, requesterId: ids.staff, outcome: 'Approve', reason: 'Not a head', submissionId: newSubmissionId() })
  ];
  for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ kind: expect.stringMatching(/^(forbidden|notSetUp)$/) });
  // Read back as the head, who reads both lists whole: nothing was added.
  const seen = await repo('commsHead').one(request.id);
  expect(seen.reviews).toEqual([]);
  expect(seen.decisions).toEqual([]);
  expect((await stateOf(seen, request.id))?.status).toBe('submitted');
});

it('finds its own review by id among more reviews than the list view threshold', async () => {
  const request = await repo('staff').submit({ type: 'Idea or question', details: details('Threshold'), submissionId: newSubmissionId() });
  emu.sharepoint.bulkAddItemsAs('SMH Reviews', Array.from({ length: 5200 }, (_, n) => ({ authorId: ids.comms, values: { Title: 'Old', RequestId: 100000 + n, Outcome: 'Reject', SubmissionId: `old-${n}` } })));
  const input = { requestId: request.id, requesterId: ids.staff, outcome: 'Reject' as const, message: 'Not for us.', submissionId: newSubmissionId() };
  const first = await repo('comms').review(input);
  expect((await repo('comms').review(input)).id).toBe(first.id);
  expect((await repo('staff').one(request.id)).reviews.map((r) => r.id)).toEqual([first.id]);
});

it("comms' queue reads every request, review and decision and both groups in one round trip, without the forms", async () => {
  const a = await repo('staff').submit({ type: 'Idea or question', details: JSON.stringify({ format: 1, kind: 'Idea or question', subject: 'Queue A', message: 'Hello' }), submissionId: newSubmissionId() });
  emu.requestLog.clear();
  const q = await repo('comms').queue();
  const calls = emu.requestLog.all().filter((e) => e.path.includes('/_api/'));
  expect(calls).toHaveLength(1);
  expect(calls[0].path).toContain('$batch');
  const mine = q.requests.find((r) => r.id === a.id)!;
  // The item's Title names the request; the form stays behind until the request is opened.
  expect(mine).toMatchObject({ title: 'Idea or question: Queue A', details: '' });
  expect(q.comms).toContain(ids.comms);
  expect(q.commsHeads).toContain(ids.commsHead);
  expect(q.requests.length).toBe((await repo('siteOwner').all()).requests.length);
});

it('opens one request with its reviews, decisions and both groups in one round trip', async () => {
  const request = await repo('staff').submit({ type: 'Idea or question', details: details('Open in one'), submissionId: newSubmissionId() });
  const review = await repo('comms').review({ requestId: request.id, requesterId: ids.staff, outcome: 'To decision', message: 'For the head.', submissionId: newSubmissionId() });
  emu.requestLog.clear();
  const seen = await repo('commsHead').one(request.id);
  const calls = emu.requestLog.all().filter((e) => e.path.includes('/_api/'));
  expect(calls).toHaveLength(1);
  expect(calls[0].path).toContain('$batch');
  expect(seen.requests.map((r) => r.id)).toEqual([request.id]);
  expect(seen.reviews.map((r) => r.id)).toEqual([review.id]);
  expect(seen.comms).toContain(ids.comms);
  expect(seen.commsHeads).toContain(ids.commsHead);
});
