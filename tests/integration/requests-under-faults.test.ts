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
import { SpRegisterProposals } from '../../src/data/sp/registerProposals';
import { newSubmissionId } from '../../src/data/sp/submissionId';
import { PolicyService } from '../../src/services/policyService';
import { AcknowledgementGate } from '../../src/services/acknowledgementGate';
import { RequestsService, type CommsNotified } from '../../src/services/requestsService';
import { RequestReviewService } from '../../src/services/requestReviewService';
import { isRetryable } from '../../src/services/deliveryReport';
import { countingRequests } from '../../src/domain/trust';
import { TEAMS_APP_ID } from '../../workbench/seed';

// Issue 8's fault test: with about 30% of SharePoint and Graph calls answering 429 or 503 or losing
// the connection (before or after the server did the work), 100 submissions, each retried by its
// person until it says "saved", end as exactly 100 requests in every view, and every comms member
// has an honest outcome for every notification: sent (and really in Teams), or named as not
// reachable or failed with why.

let emu: Emulator;
const ids: Record<string, number> = {};
const ALL_CALLS = '/_api/|^(GET|POST) /v1\\.0/';

beforeAll(async () => {
  emu = await startEmulator({ quiet: true, graphHandlerFactory: createGraphHandler });
  await seedDemoSite(emu);
  for (const p of ['staff', 'comms'] as const) ids[p] = (await spAs(emu, person(p).upn).web.currentUser.select('Id')<{ Id: number }>()).Id;
  const sam = spAs(emu, person('staff').upn);
  const policy = new PolicyService(new SpPolicyRepository(sam), new SpAcknowledgementRepository(sam), async () => ids.staff);
  await policy.acknowledge(await policy.loadPage());
}, 60_000);
afterAll(async () => { await emu?.close(); });

function samsService() {
  const sp = spAs(emu, person('staff').upn);
  const me = async () => ids.staff;
  const graph = createWorkbenchGraphClient({ origin: emu.url, user: person('staff').upn, retry: { maxRetries: 2, delaySeconds: 0 } });
  return new RequestsService({
    requests: new SpRequestsRepository(sp, me), groups: new SpGroupMembership(sp),
    gate: new AcknowledgementGate(new SpPolicyRepository(sp), new SpAcknowledgementRepository(sp), me),
    notifier: new GraphNotifier(graph, { teamsAppId: TEAMS_APP_ID, fallbackBaseUrl: `${emu.url}/sharepoint`, sleep: async () => undefined }),
    activity: new SpActivityLog(sp), hashtags: new SpHashtagsRepository(sp), accounts: new SpAccountsRepository(sp), me, newId: newSubmissionId,
    today: () => '2026-12-01', sleep: async () => undefined
  });
}

it('100 submissions under a 30% storm of throttling and lost connections end as exactly 100 requests as every view sees them', async () => {
  // Graph's own activity budget is switched off: the storm is the emulator's faults alone.
  await fetch(`${emu.url}/__emulator/graph/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reset: true, activityBudget: null }) });
  await fetch(`${emu.url}/__emulator/graph/outbox`, { method: 'DELETE' });
  const storm = [
    { status: 429, retryAfter: 0 }, { status: 503, retryAfter: 0 }, { drop: true }, { dropAfter: true }
  ];
  for (const [n, effect] of storm.entries()) await control(emu, 'POST', '/faults', { match: ALL_CALLS, probability: 0.085, seed: 100 + n, ...effect });

  const service = samsService();
  const drafts = Array.from({ length: 100 }, (_, n) => service.startDraft('Idea or question', null, { kind: 'Idea or question', subject: `Idea ${n}`, message: `Idea number ${n} for comms.` }));
  const outcomes: { submissionId: string; originalId: number; notified?: CommsNotified; attempts: number }[] = [];
  let failedAttempts = 0;
  for (const draft of drafts) {
    // The person presses Send again until the hub says it is saved (the draft keeps its id).
    for (let attempt = 1; ; attempt++) {
      const outcome = await service.submit(draft).catch(() => undefined);
      if (outcome?.kind === 'saved') {
        outcomes.push({ submissionId: draft.submissionId, originalId: outcome.originalId, notified: outcome.notified, attempts: attempt });
        break;
      }
      failedAttempts++;
      if (attempt === 25) throw new Error(`draft ${draft.submissionId} was never saved`);
    }
  }
  const log = await control(emu, 'GET', '/log') as { fault?: string }[];
  await control(emu, 'DELETE', '/faults');
  // The storm was real: many calls failed, and people had to press Send again.
  expect(log.filter((e) => e.fault).length).toBeGreaterThan(100);
  expect(failedAttempts).toBeGreaterThan(0);

  // Every view: the requester's own list, comms' raw list, and the review queue.
  const sp = spAs(emu, person('staff').upn);
  const mine = await new SpRequestsRepository(sp, async () => ids.staff).mine(ids.staff);
  const wanted = new Set(drafts.map((d) => d.submissionId));
  const countedMine = countingRequests(mine.requests).counting.filter((r) => r.revisionOf === undefined && wanted.has(r.submissionId!));
  expect(countedMine).toHaveLength(100);
  expect(new Set(countedMine.map((r) => r.submissionId)).size).toBe(100);
  // What each person was told is the request that counts.
  expect(outcomes.map((o) => o.originalId).sort()).toEqual(countedMine.map((r) => r.id).sort());

  const comms = spAs(emu, person('comms').upn);
  const all = await new SpRequestsRepository(comms, async () => ids.comms).all();
  expect(countingRequests(all.requests).counting.filter((r) => r.revisionOf === undefined && wanted.has(r.submissionId!))).toHaveLength(100);
  const review = new RequestReviewService(new SpRequestsRepository(comms, async () => ids.comms), new SpGroupMembership(comms), { notify: async () => [], postChannelCard: async () => ({ status: 'posted' }) }, new SpActivityLog(comms), new SpRegisterProposals(comms), newSubmissionId);
  const queue = await review.queue();
  expect(queue.toReview.filter((c) => wanted.has(c.original.submissionId!))).toHaveLength(100);

  // Notifications: an outcome per comms member for every saved request; "sent" only when Teams has it.
  const outbox = (await (await fetch(`${emu.url}/__emulator/graph/outbox`)).json()) as { notifications: { recipientUpn: string; webUrl: string }[] };
  const told = outcomes.filter((o) => o.notified);
  expect(told.length).toBeGreaterThan(0);
  for (const o of told) {
    const n = o.notified!;
    if (n.problem) continue;
    expect(n.results).toHaveLength(n.recipients);
    for (const r of n.results) {
      expect(['sent', 'notReachable', 'failed']).toContain(r.status);
      if (r.status === 'sent') {
        expect(outbox.notifications.some((x) => x.recipientUpn.toLowerCase() === r.recipient.toLowerCase() && decodeURIComponent(x.webUrl).includes(`review:${o.originalId}`))).toBe(true);
      } else {
        // Named with why, and (for a failure) offered again.
        expect(r.reason).toBeDefined();
        if (r.status === 'failed') expect(isRetryable(r)).toBe(true);
      }
    }
  }
}, 600_000);
