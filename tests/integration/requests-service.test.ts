import { startEmulator, type Emulator } from '../../workbench/emulator';
import { createGraphHandler } from '../../workbench/emulator/graph';
import { spAs, person, control } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { GraphNotifier } from '../../src/data/graph/graphNotifier';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SpAcknowledgementRepository } from '../../src/data/sp/acknowledgementRepository';
import { SpRequestsRepository } from '../../src/data/sp/requestsRepository';
import { SpGroupMembership } from '../../src/data/sp/groupMembership';
import { SpHashtagsRepository } from '../../src/data/sp/hashtagsRepository';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { newSubmissionId } from '../../src/data/sp/submissionId';
import { PolicyService } from '../../src/services/policyService';
import { AcknowledgementGate } from '../../src/services/acknowledgementGate';
import { RequestsService } from '../../src/services/requestsService';
import { countingRequests } from '../../src/domain/trust';
import type { IdeaOrQuestionInput, NewAccountInput } from '../../src/domain/requests';
import { TEAMS_APP_ID } from '../../workbench/seed';

// The requester's side against the emulator: the gate first, the form checked, one request however
// often the save is retried, comms told in Teams after the save, and the history as SharePoint
// recorded it (who from Author, when from Created).

let emu: Emulator;
type Persona = Parameters<typeof person>[0];
const ids: Record<string, number> = {};

beforeAll(async () => {
  emu = await startEmulator({ quiet: true, graphHandlerFactory: createGraphHandler });
  await seedDemoSite(emu);
  for (const p of ['staff', 'owner', 'comms', 'commsHead'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
});
afterAll(async () => { await emu?.close(); });
afterEach(async () => { await control(emu, 'DELETE', '/faults'); });
// Each test starts with Graph's activity budget fresh (the emulator throttles a burst of sends, as Graph does).
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/graph/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reset: true }) });
});

function serviceFor(p: Persona, sleeps: number[] = []) {
  const sp = spAs(emu, person(p).upn);
  const me = async () => ids[p];
  const graph = createWorkbenchGraphClient({ origin: emu.url, user: person(p).upn, retry: { maxRetries: 0 } });
  const acks = new SpAcknowledgementRepository(sp);
  const policies = new SpPolicyRepository(sp);
  const repo = new SpRequestsRepository(sp, me);
  const service = new RequestsService({
    requests: repo, groups: new SpGroupMembership(sp), gate: new AcknowledgementGate(policies, acks, me),
    notifier: new GraphNotifier(graph, { teamsAppId: TEAMS_APP_ID, fallbackBaseUrl: `${emu.url}/sharepoint`, sleep: async () => undefined }),
    activity: new SpActivityLog(sp), hashtags: new SpHashtagsRepository(sp), accounts: new SpAccountsRepository(sp), me, newId: newSubmissionId,
    today: () => '2026-12-01', sleep: async (ms) => { sleeps.push(ms); }
  });
  return { service, repo, policy: new PolicyService(policies, acks, me) };
}

const idea = (subject: string): IdeaOrQuestionInput => ({ kind: 'Idea or question', subject, message: 'Could we run a podcast about "bins" \' eq 1 or 1 eq 1?' });

function newAccount(): NewAccountInput {
  return {
    kind: 'New account', accountName: 'Northshire Housing', platform: 'Instagram', handle: 'northshirehousing', owningService: 'Housing',
    whyExistingCannotServe: 'Tenants do not follow the main account.', audience: 'Council tenants', whereAudienceTalks: 'Estate Facebook groups',
    objectives: 'Fewer repair calls', contentPlan: 'Two posts a week', hoursPerWeek: '3', owner: { name: 'Sam Patel', email: 'sam.patel@northshire.gov.uk' },
    backup: { name: 'Olivia Reed', email: 'olivia.reed@northshire.gov.uk' }, rota: 'Sam weekdays, Olivia covers leave',
    staffedHours: { allHours: false, slots: [{ day: 'Mon', from: '09:00', to: '17:00' }], profileWillSaySo: true },
    hashtag: { tag: '#NorthshireHomes', checkedOn: '2026-11-30', evidenceUrl: 'https://www.instagram.com/explore/tags/northshirehomes/' }, exitPlan: 'Close when the project ends'
  };
}

it('asks for the policy first and keeps nothing half-done: no request is saved until the person confirms', async () => {
  const { service, repo, policy } = serviceFor('owner');
  const draft = service.startDraft('Idea or question', null, idea('Before confirming'));
  const refused = await service.submit(draft);
  expect(refused.kind).toBe('gate');
  expect(refused.kind === 'gate' && refused.gate.policyLink).toEqual({ pageId: 'policy' });
  expect((await repo.mine(ids.owner)).requests).toEqual([]);

  await policy.acknowledge(await policy.loadPage());
  const saved = await service.submit(draft);
  expect(saved.kind).toBe('saved');
  expect((await repo.mine(ids.owner)).requests.map((r) => r.submissionId)).toEqual([draft.submissionId]);
});

it('refuses a form with problems under each field, and saves nothing', async () => {
  const { service, repo, policy } = serviceFor('staff');
  await policy.acknowledge(await policy.loadPage());
  const before = (await repo.mine(ids.staff)).requests.length;
  const outcome = await service.submit(service.startDraft('New account', null, { ...newAccount(), hoursPerWeek: 'lots', backup: { name: 'Sam Patel', email: 'sam.patel@northshire.gov.uk' } }));
  expect(outcome.kind).toBe('invalid');
  expect(outcome.kind === 'invalid' && outcome.problems.map((p) => p.path).sort()).toEqual(['backup.email', 'hoursPerWeek']);
  expect((await repo.mine(ids.staff)).requests.length).toBe(before);
});

it('a save whose answer was lost and one throttled end as exactly one counted request, and comms are told once it is saved', async () => {
  const sleeps: number[] = [];
  const { service, repo, policy } = serviceFor('staff', sleeps);
  await policy.acknowledge(await policy.loadPage());
  await fetch(`${emu.url}/__emulator/graph/outbox`, { method: 'DELETE' });
  const draft = service.startDraft('New account', null, newAccount());
  // The first add is committed and its answer dropped; the look-up after it is throttled twice.
  await control(emu, 'POST', '/faults', { match: '^POST .*SMH(%20| )Requests.*/items$', dropAfter: true, times: 1 });
  await control(emu, 'POST', '/faults', { match: '^GET .*SMH(%20| )Requests.*/items', status: 429, retryAfter: 1, times: 2 });
  const outcome = await service.submit(draft).catch((e: unknown) => e);
  if ((outcome as { kind?: string }).kind !== 'saved') {
    // The repository gave up on the throttled look-up; the person tries again with the same draft.
    const again = await service.submit(draft);
    expect(again.kind).toBe('saved');
  }
  // And a second try of the same draft (a double click, a retry after a timeout) is still the same request.
  const repeat = await service.submit(draft);
  expect(repeat.kind).toBe('saved');
  const mine = await repo.mine(ids.staff);
  const counted = countingRequests(mine.requests).counting.filter((r) => r.submissionId === draft.submissionId);
  expect(counted).toHaveLength(1);
  expect(repeat.kind === 'saved' && repeat.originalId).toBe(counted[0].id);
  // Every view: the requester's list shows it once, comms' queue counts it once.
  expect((await service.mine()).filter((r) => r.id === counted[0].id)).toHaveLength(1);
  const all = await serviceFor('comms').repo.all();
  expect(countingRequests(all.requests).counting.filter((r) => r.submissionId === draft.submissionId)).toHaveLength(1);

  // Comms (Chris and Hannah) were told, with a link to the request.
  expect(repeat.kind === 'saved' && repeat.notified?.recipients).toBe(2);
  expect(repeat.kind === 'saved' && repeat.notified?.results.every((r) => r.status === 'sent')).toBe(true);
  const feed = (await (await fetch(`${emu.url}/__emulator/graph/feed?user=${encodeURIComponent(person('comms').upn)}`)).json()) as { value: { activityType: string; text: string; webUrl?: string }[] };
  const mineNotes = feed.value.filter((n) => n.activityType === 'approvalRequired' && n.text.includes('Northshire Housing'));
  expect(mineNotes.length).toBeGreaterThan(0);
  expect(JSON.stringify(mineNotes[0])).toContain(encodeURIComponent(`review:${counted[0].id}`));
});

it('keeps trying a throttled save a bounded number of times, then gives up with the draft intact', async () => {
  const sleeps: number[] = [];
  const { service, repo, policy } = serviceFor('staff', sleeps);
  await policy.acknowledge(await policy.loadPage());
  const draft = service.startDraft('Idea or question', null, idea('Throttled'));
  await control(emu, 'POST', '/faults', { match: '^POST .*SMH(%20| )Requests.*/items$', status: 429, retryAfter: 1, times: 50 });
  const failed = await service.submit(draft).catch((e: unknown) => e);
  expect(failed).toMatchObject({ kind: 'throttled' });
  expect(sleeps.length).toBe(3);
  expect((await repo.mine(ids.staff)).requests.some((r) => r.submissionId === draft.submissionId)).toBe(false);
  await control(emu, 'DELETE', '/faults');
  expect((await service.submit(draft)).kind).toBe('saved');
});

it('revises and withdraws an open request; the history says who and when, and nothing changes it once decided', async () => {
  const { service, policy } = serviceFor('staff');
  await policy.acknowledge(await policy.loadPage());
  const sent = await service.submit(service.startDraft('Idea or question', null, idea('First words')));
  if (sent.kind !== 'saved') throw new Error(sent.kind);
  const id = sent.originalId;
  const detail = (await service.one(id))!;
  expect(detail).toMatchObject({ status: 'submitted', actions: { revise: true, withdraw: true } });
  const draft = service.reviseDraft(detail)!;
  expect(draft).toMatchObject({ revisionOf: id, input: idea('First words') });
  const revised = await service.submit({ ...draft, input: idea('Better words') });
  expect(revised.kind).toBe('saved');
  let now = (await service.one(id))!;
  expect(now.title).toBe('Idea or question: Better words');
  expect(now.history.map((h) => [h.kind, h.by])).toEqual([['sent', 'Sam Patel'], ['revised', 'Sam Patel']]);
  // SharePoint's Created has whole seconds: the revision is never before the original.
  expect(Date.parse(now.history[1].at)).toBeGreaterThanOrEqual(Date.parse(now.history[0].at));

  // Comms ask for more information; Sam sees it with Chris's name.
  await serviceFor('comms').repo.review({ requestId: id, requesterId: ids.staff, outcome: 'More information', message: 'Who would host it?', submissionId: newSubmissionId() });
  now = (await service.one(id))!;
  expect(now.status).toBe('more-information');
  expect(now.history[2]).toMatchObject({ kind: 'review', by: 'Chris Morgan', outcome: 'More information', message: 'Who would host it?' });

  const withdrawn = await service.withdraw(id, newSubmissionId());
  expect(withdrawn.kind).toBe('saved');
  now = (await service.one(id))!;
  expect(now.status).toBe('withdrawn');
  expect(now.actions).toMatchObject({ revise: false, withdraw: false });
  const late = await service.submit({ ...service.startDraft('Idea or question', id, idea('Too late')) });
  expect(late.kind).toBe('closed');
  expect((await service.mine()).find((r) => r.id === id)?.status).toBe('withdrawn');
});

it('the clean check finds exact, near and retired tags in the register', async () => {
  await new SpHashtagsRepository(spAs(emu, person('comms').upn)).add({ tag: '#ReadNorthshire', status: 'Retired', usedBy: 'Libraries' });
  const { service } = serviceFor('staff');
  const near = await service.checkHashtag('#Read_N0rthshire');
  expect(near?.clean).toBe(false);
  expect(near?.matches[0].message).toMatch(/retired/);
  expect((await service.checkHashtag('#NorthshireHomes'))?.clean).toBe(true);
  expect(await service.checkHashtag('no spaces allowed here')).toBeUndefined();
});

it('a notification Teams cannot deliver never fails the request: the person sees who was not reachable, and the Activity log keeps the outcome', async () => {
  const { service, policy } = serviceFor('staff');
  await policy.acknowledge(await policy.loadPage());
  await fetch(`${emu.url}/__emulator/graph/installations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: person('comms').upn, installed: false }) });
  try {
    const outcome = await service.submit(service.startDraft('Idea or question', null, idea('Nobody has the app')));
    if (outcome.kind !== 'saved') throw new Error(outcome.kind);
    const byPerson = Object.fromEntries(outcome.notified!.results.map((r) => [r.recipient.toLowerCase(), `${r.status}${r.reason ? `:${r.reason}` : ''}`]));
    expect(byPerson).toEqual({ [person('comms').upn]: 'notReachable:appNotInstalled', [person('commsHead').upn]: 'sent' });
    expect((await service.one(outcome.originalId))?.status).toBe('submitted');
    const log = await spAs(emu, person('comms').upn).web.lists.getByTitle('SMH Activity').items.filter(`TargetId eq ${outcome.originalId}`).select('Action', 'Data', 'AuthorId')<{ Action: string; Data: string; AuthorId: number }[]>();
    const entry = log.find((l) => l.Action === 'request.submitted');
    expect(entry?.AuthorId).toBe(ids.staff);
    expect(JSON.parse(entry!.Data)).toMatchObject({ type: 'Idea or question', notified: 2, sent: 1, notReachable: 1, failed: 0 });
  } finally {
    await fetch(`${emu.url}/__emulator/graph/installations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reset: true }) });
  }
});

it('a draft sent again after changes, when its first send was saved unseen, keeps the changes as a revision', async () => {
  const { service, policy } = serviceFor('owner');
  await policy.acknowledge(await policy.loadPage()).catch(() => undefined);
  const draft = service.startDraft('Idea or question', null, idea('First subject'));
  const first = await service.submit(draft);
  expect(first.kind).toBe('saved');
  // The answer never reached the person; they edit the form and send the same draft again.
  const edited = { ...draft, input: idea('Second subject, after editing') };
  const again = await service.submit(edited);
  expect(again.kind === 'saved' && again.originalId).toBe(first.kind === 'saved' && first.originalId);
  const history = await service.one((first as { originalId: number }).originalId);
  expect(JSON.stringify(history)).toContain('Second subject, after editing');
});

it('a withdrawal is saved first, then comms are told in Teams with a link to the request; who could not be reached is named with why', async () => {
  const { service, policy } = serviceFor('staff');
  await policy.acknowledge(await policy.loadPage());
  const sent = await service.submit(service.startDraft('Idea or question', null, idea('Changed my mind')));
  if (sent.kind !== 'saved') throw new Error(sent.kind);
  await fetch(`${emu.url}/__emulator/graph/outbox`, { method: 'DELETE' });
  await fetch(`${emu.url}/__emulator/graph/installations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: person('comms').upn, installed: false }) });
  try {
    const withdrawn = await service.withdraw(sent.originalId, newSubmissionId());
    if (withdrawn.kind !== 'saved') throw new Error(withdrawn.kind);
    expect((await service.one(sent.originalId))?.status).toBe('withdrawn');
    const byPerson = Object.fromEntries(withdrawn.notified!.results.map((r) => [r.recipient.toLowerCase(), `${r.status}${r.reason ? `:${r.reason}` : ''}`]));
    expect(byPerson).toEqual({ [person('comms').upn]: 'notReachable:appNotInstalled', [person('commsHead').upn]: 'sent' });

    // Hannah's feed has it, worded as a withdrawal, opening the request in comms' review.
    const feed = (await (await fetch(`${emu.url}/__emulator/graph/feed?user=${encodeURIComponent(person('commsHead').upn)}`)).json()) as { value: { activityType: string; text: string }[] };
    const notes = feed.value.filter((n) => n.activityType === 'requestWithdrawn' && n.text.includes('Changed my mind'));
    expect(notes).toHaveLength(1);
    expect(notes[0].text).toContain('Sam Patel withdrew the request');
    expect(JSON.stringify(notes[0])).toContain(encodeURIComponent(`review:${sent.originalId}`));

    const log = await spAs(emu, person('comms').upn).web.lists.getByTitle('SMH Activity').items.filter(`TargetId eq ${sent.originalId}`).select('Action', 'Data')<{ Action: string; Data: string }[]>();
    expect(JSON.parse(log.find((l) => l.Action === 'request.withdrawn')!.Data)).toMatchObject({ notified: 2, sent: 1, notReachable: 1, failed: 0 });
  } finally {
    await fetch(`${emu.url}/__emulator/graph/installations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reset: true }) });
  }
});

it('a withdrawal Graph refuses to carry is still saved, and the requester is told comms could not be notified', async () => {
  const { service, policy } = serviceFor('staff');
  await policy.acknowledge(await policy.loadPage());
  const sent = await service.submit(service.startDraft('Idea or question', null, idea('Withdraw under throttling')));
  if (sent.kind !== 'saved') throw new Error(sent.kind);
  await fetch(`${emu.url}/__emulator/graph/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ failNext: 10 }) });
  const withdrawn = await service.withdraw(sent.originalId, newSubmissionId());
  if (withdrawn.kind !== 'saved') throw new Error(withdrawn.kind);
  expect((await service.one(sent.originalId))?.status).toBe('withdrawn');
  expect(withdrawn.notified!.results.length).toBe(2);
  expect(withdrawn.notified!.results.every((r) => r.status === 'failed')).toBe(true);
});

it('a revision that arrives as the head decides (Created in the same second or later) is kept but does not count, and the requester is told the truth', async () => {
  const { service, policy, repo } = serviceFor('staff');
  await policy.acknowledge(await policy.loadPage());
  const sent = await service.submit(service.startDraft('Idea or question', null, idea('Decided in a race')));
  if (sent.kind !== 'saved') throw new Error(sent.kind);
  const id = sent.originalId;
  // Hannah approves just as Sam presses Save on his revision: his check saw an open request, and
  // SharePoint records the decision first.
  const realSubmit = repo.submit.bind(repo);
  repo.submit = async (request) => {
    if (request.revisionOf === id) {
      await serviceFor('commsHead').repo.decide({ requestId: id, requesterId: ids.staff, outcome: 'Approve', reason: 'Go ahead', submissionId: newSubmissionId() });
    }
    return realSubmit(request);
  };
  await fetch(`${emu.url}/__emulator/graph/outbox`, { method: 'DELETE' });
  const revised = await service.submit({ ...service.startDraft('Idea or question', id, idea('Late words')) });
  expect(revised).toEqual({ kind: 'closed', why: expect.stringContaining('decided before your change arrived') });
  // The revision is in SharePoint (append-only), ignored by the rule; what the request says is unchanged.
  const now = (await service.one(id))!;
  expect(now.status).toBe('approved');
  expect(now.title).toBe('Idea or question: Decided in a race');
  expect(now.history.find((h) => h.kind === 'revised')).toMatchObject({ counts: false, ignored: 'after-decision' });
  // Comms were not asked to review a change that does not count.
  const outbox = (await (await fetch(`${emu.url}/__emulator/graph/outbox`)).json()) as { notifications: unknown[] };
  expect(Array.isArray(outbox.notifications)).toBe(true);
  expect(JSON.stringify(outbox.notifications)).not.toContain('Late words');
});
