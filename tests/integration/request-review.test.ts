import { startEmulator, type Emulator } from '../../workbench/emulator';
import { createGraphHandler } from '../../workbench/emulator/graph';
import { claimsLogin } from '../../workbench/emulator/directory';
import { spAs, person, control } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { GraphNotifier } from '../../src/data/graph/graphNotifier';
import { SpRequestsRepository } from '../../src/data/sp/requestsRepository';
import { SpGroupMembership } from '../../src/data/sp/groupMembership';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { SpRegisterProposals } from '../../src/data/sp/registerProposals';
import { RequestReviewService, RequestMovedOnError } from '../../src/services/requestReviewService';
import { emptyNewAccount, serialiseDetails, validateNewAccount } from '../../src/domain/requests';
import { newSubmissionId } from '../../src/data/sp/submissionId';
import { GROUPS, LISTS } from '../../src/data/schema';
import { TEAMS_APP_ID } from '../../workbench/seed';

// Comms review and the heads decide, against the emulator (SharePoint decides who wrote what and
// who may read it; the Graph emulator is the Teams feed).

let emu: Emulator;
const ids: Record<string, number> = {};
type Persona = Parameters<typeof person>[0];

beforeAll(async () => {
  emu = await startEmulator({ quiet: true, graphHandlerFactory: createGraphHandler });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'backup', 'comms', 'commsHead', 'siteOwner'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
});
afterAll(async () => { await emu?.close(); });
afterEach(async () => { await control(emu, 'DELETE', '/faults'); });
// Each test starts with Graph's activity budget fresh: the emulator throttles a burst of sends, as Graph does.
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/graph/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reset: true }) });
});

function service(p: Persona) {
  const sp = spAs(emu, person(p).upn);
  const graph = createWorkbenchGraphClient({ origin: emu.url, user: person(p).upn, retry: { maxRetries: 0 } });
  const requests = new SpRequestsRepository(sp, async () => ids[p]);
  return {
    requests,
    review: new RequestReviewService(requests, new SpGroupMembership(sp), new GraphNotifier(graph, { teamsAppId: TEAMS_APP_ID, fallbackBaseUrl: `${emu.url}/sharepoint`, sleep: async () => undefined }), new SpActivityLog(sp), new SpRegisterProposals(sp), newSubmissionId)
  };
}

const feed = async (p: Persona) => ((await (await fetch(`${emu.url}/__emulator/graph/feed?user=${encodeURIComponent(person(p).upn)}`)).json()) as { value: { activityType: string; text: string; webUrl: string }[] }).value;

function newAccountDetails(name: string): string {
  const input = {
    ...emptyNewAccount(), accountName: name, platform: 'Instagram', handle: name.toLowerCase().replace(/\W/g, ''), owningService: 'Housing',
    whyExistingCannotServe: 'Tenants do not follow the council account.', audience: 'Council tenants', whereAudienceTalks: 'Estate Facebook groups',
    objectives: 'Fewer repair calls', contentPlan: 'Three posts a week', hoursPerWeek: '4',
    owner: { name: 'Sam Patel', email: person('staff').upn }, backup: { name: 'Olivia Reed', email: person('owner').upn },
    rota: 'Sam weekdays, Olivia covers leave', staffedHours: { allHours: false, slots: [{ day: 'Mon', from: '09:00', to: '17:00' }], profileWillSaySo: true },
    exitPlan: 'Close when the repairs project ends'
  };
  const checked = validateNewAccount(input, { today: '2026-12-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return serialiseDetails(checked.value);
}

async function submitNewAccount(name: string) {
  return service('staff').requests.submit({ type: 'New account', details: newAccountDetails(name), submissionId: newSubmissionId() });
}

it('comms send to decision, the head is told in Teams, approves, the requester is told, and the account is proposed in the register', async () => {
  const request = await submitNewAccount('Northshire Tenants');
  const chris = service('comms').review;
  const queued = (await chris.queue()).toReview.find((c) => c.original.id === request.id)!;
  expect(queued.title).toBe('New account: Northshire Tenants (Instagram)');
  const reviewed = await chris.review(queued, 'To decision', 'A clear case.', newSubmissionId());
  expect(reviewed).toMatchObject({ counts: true, concurrent: [] });
  expect(reviewed.now.status).toBe('awaiting-decision');
  expect((await feed('commsHead')).some((n) => n.activityType === 'approvalRequired' && n.text.includes('New account: Northshire Tenants'))).toBe(true);
  expect((await feed('staff')).some((n) => n.activityType === 'requestUpdated' && n.text.includes('sent to the head of communications'))).toBe(true);

  const hannah = service('commsHead').review;
  const waiting = (await hannah.queue()).toDecide.find((c) => c.original.id === request.id)!;
  const decided = await hannah.decide(waiting, 'Approve', 'Good plan with cover.', newSubmissionId());
  expect(decided.now.status).toBe('approved');
  expect(decided.register).toEqual({ id: expect.any(Number) });
  const entry = await spAs(emu, person('siteOwner').upn).web.lists.getByTitle(LISTS.accounts.title).items.getById((decided.register as { id: number }).id)
    .select('Title', 'AccountStatus', 'FromRequestId', 'OwnerId', 'BackupId', 'Hashtags', 'Handle', 'HandleKey')<Record<string, unknown>>();
  expect(entry).toMatchObject({ Title: 'Northshire Tenants', AccountStatus: 'Proposed', FromRequestId: request.id, OwnerId: ids.staff, BackupId: ids.owner, Handle: 'northshiretenants', HandleKey: 'northshiretenants' });
  expect((await feed('staff')).some((n) => n.activityType === 'requestUpdated' && n.text.endsWith('approved'))).toBe(true);
  // The requester sees the same state through the reviews and decisions opened to them.
  expect((await service('staff').review.open(request.id)).status).toBe('approved');
});

it('two comms people acting at once: the second is stopped before writing and told who acted', async () => {
  const request = await submitNewAccount('Northshire Parks');
  const chris = service('comms').review;
  const hannahAsComms = service('commsHead').review;
  const [chrisView, hannahView] = [await chris.open(request.id), await hannahAsComms.open(request.id)];
  await chris.review(chrisView, 'More information', 'Who covers weekends?', newSubmissionId());
  const second = await hannahAsComms.review(hannahView, 'Reject', 'Use the parks page instead.', newSubmissionId()).catch((e: unknown) => e);
  expect(second).toBeInstanceOf(RequestMovedOnError);
  expect((second as RequestMovedOnError).message).toBe('Chris Morgan asked for more information while you had it open. Nothing of yours was saved; here is the request as it is now.');
  expect((second as RequestMovedOnError).now.status).toBe('more-information');
  const reviews = (await service('siteOwner').requests.one(request.id)).reviews;
  expect(reviews.map((r) => r.outcome)).toEqual(['More information']);
});

it('a head outside Comms approves; the register refuses them, and a comms member adds the entry from the request', async () => {
  const sam = await submitNewAccount('Northshire Markets');
  const chris = service('comms').review;
  await chris.review(await chris.open(sam.id), 'To decision', 'Fine.', newSubmissionId());
  // Ben Hughes is made a comms head (and nothing more) for this test.
  const heads = GROUPS.find((g) => g.principal === 'commsHeads')!.title;
  await spAs(emu, person('siteOwner').upn).web.siteGroups.getByName(heads).users.add(claimsLogin(person('backup').upn));
  const ben = service('backup').review;
  const decided = await ben.decide(await ben.open(sam.id), 'Approve', 'Yes.', newSubmissionId());
  expect(decided.now.status).toBe('approved');
  expect(decided.register).toMatchObject({ problem: { kind: expect.stringMatching(/^(forbidden|notSetUp)$/) } });
  expect(await chris.entryFor(decided.now)).toBeUndefined();
  const added = await chris.proposeInRegister(await chris.open(sam.id));
  expect(added).toEqual({ id: expect.any(Number) });
  // Twice is once.
  expect(await chris.proposeInRegister(await chris.open(sam.id))).toEqual(added);
});

it('turns down an empty message and an action that no longer applies, writing nothing', async () => {
  const request = await submitNewAccount('Northshire Bins');
  const chris = service('comms').review;
  const view = await chris.open(request.id);
  await expect(chris.review(view, 'Reject', '  ', newSubmissionId())).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('Say why') });
  const hannah = service('commsHead').review;
  await expect(hannah.decide(view, 'Approve', 'Skipping review', newSubmissionId())).rejects.toBeInstanceOf(RequestMovedOnError);
  const seen = await service('siteOwner').requests.one(request.id);
  expect([seen.reviews, seen.decisions]).toEqual([[], []]);
});

it('a review saved but not shared (the sharing failed) is finished by trying again, not reported as someone else\'s', async () => {
  const request = await submitNewAccount('Northshire Allotments');
  const chris = service('comms').review;
  const view = await chris.open(request.id);
  const submissionId = newSubmissionId();
  await control(emu, 'POST', '/faults', { match: 'addroleassignment', status: 500 });
  await expect(chris.review(view, 'More information', 'Which sites?', submissionId)).rejects.toMatchObject({ kind: 'server' });
  // The review exists, but Sam cannot see it yet.
  expect((await service('staff').requests.one(request.id)).reviews).toEqual([]);
  const done = await chris.review(view, 'More information', 'Which sites?', submissionId);
  expect(done).toMatchObject({ counts: true, concurrent: [] });
  expect(done.now.status).toBe('more-information');
  expect((await service('staff').requests.one(request.id)).reviews.map((r) => r.id)).toEqual([done.record.id]);
  expect((await feed('staff')).some((n) => n.text.includes('Northshire Allotments') && n.text.includes('more information needed'))).toBe(true);
});

it('the requester changing the request while the head has it open stops the decision: nobody approves what they did not read', async () => {
  const request = await submitNewAccount('Northshire Cemeteries');
  const chris = service('comms').review;
  await chris.review(await chris.open(request.id), 'To decision', 'Fine.', newSubmissionId());
  const hannah = service('commsHead').review;
  const opened = await hannah.open(request.id);
  await service('staff').requests.submit({ type: 'New account', details: newAccountDetails('Northshire Cemeteries and Crematoria'), submissionId: newSubmissionId(), revisionOf: request.id });
  const refused = await hannah.decide(opened, 'Approve', 'Yes.', newSubmissionId()).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(RequestMovedOnError);
  expect((refused as Error).message).toBe('Sam Patel changed the request while you had it open. Nothing of yours was saved; read what it says now.');
  expect((refused as RequestMovedOnError).now.title).toBe('New account: Northshire Cemeteries and Crematoria (Instagram)');
  expect((await service('siteOwner').requests.one(request.id)).decisions).toEqual([]);
});

it('two comms members adding the approved account at once leave one register entry', async () => {
  const sam = await submitNewAccount('Northshire Museums');
  const chris = service('comms').review;
  await chris.review(await chris.open(sam.id), 'To decision', 'Fine.', newSubmissionId());
  const heads = GROUPS.find((g) => g.principal === 'commsHeads')!.title;
  await spAs(emu, person('siteOwner').upn).web.siteGroups.getByName(heads).users.add(claimsLogin(person('backup').upn));
  const ben = service('backup').review;
  await ben.decide(await ben.open(sam.id), 'Approve', 'Yes.', newSubmissionId());
  const approved = await chris.open(sam.id);
  const hannah = service('commsHead').review;
  const [a, b] = await Promise.all([chris.proposeInRegister(approved), hannah.proposeInRegister(approved)]);
  expect(a).toEqual(b);
  const entries = await spAs(emu, person('siteOwner').upn).web.lists.getByTitle(LISTS.accounts.title).items.filter(`FromRequestId eq ${sam.id}`).select('Id')<{ Id: number }[]>();
  expect(entries.map((e) => e.Id)).toEqual([(a as { id: number }).id]);
});
