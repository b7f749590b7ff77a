import { countingDecisions, countingRequests, countingReviews, countingVaultPublicKeys, currentVaultPublicKeys, firstBySubmissionId, requestState, type DecisionRecord, type RequestRecord, type ReviewRecord } from '../../../src/domain/trust';
import { clock, CHRIS, HANNAH, OLIVIA, SAM, LEAH } from './clock';

const COMMS = [CHRIS];
const HEADS = [HANNAH];

function flow() {
  const c = clock();
  const requests: RequestRecord[] = [];
  const reviews: ReviewRecord[] = [];
  const decisions: DecisionRecord[] = [];
  const original = c.record(SAM, { submissionId: 's-1' });
  requests.push(original);
  const state = () => requestState(original.id, { requests, reviews, decisions, comms: COMMS, commsHeads: HEADS })!;
  return { c, requests, reviews, decisions, original, state };
}

describe('a request and its revisions', () => {
  it('is submitted, revised by its author, reviewed and decided', () => {
    const f = flow();
    expect(f.state().status).toBe('submitted');
    f.reviews.push(f.c.record(CHRIS, { requestId: f.original.id, outcome: 'More information' as const }));
    expect(f.state().status).toBe('more-information');
    const revision = f.c.record(SAM, { revisionOf: f.original.id, submissionId: 's-2' });
    f.requests.push(revision);
    expect(f.state()).toMatchObject({ status: 'submitted', current: revision });
    f.reviews.push(f.c.record(CHRIS, { requestId: f.original.id, outcome: 'To decision' as const }));
    expect(f.state().status).toBe('awaiting-decision');
    const decision = f.c.record(HANNAH, { requestId: f.original.id, outcome: 'Approve' as const });
    f.decisions.push(decision);
    expect(f.state()).toMatchObject({ status: 'approved', decision });
  });

  it('ignores a revision recorded after the decision', () => {
    const f = flow();
    f.decisions.push(f.c.record(HANNAH, { requestId: f.original.id, outcome: 'Reject' as const }));
    const late = f.c.record(SAM, { revisionOf: f.original.id });
    const withdrawal = f.c.record(SAM, { revisionOf: f.original.id, withdrawn: true });
    f.requests.push(late, withdrawal);
    const s = f.state();
    expect(s.status).toBe('rejected');
    expect(s.current).toBe(f.original);
    expect(s.revisions.ignored).toEqual([{ record: late, reason: 'after-decision' }, { record: withdrawal, reason: 'after-decision' }]);
  });

  it('comms turning it down is final for the requester: a later revision or withdrawal changes nothing', () => {
    const f = flow();
    const early = f.c.record(SAM, { revisionOf: f.original.id });
    f.requests.push(early);
    f.reviews.push(f.c.record(CHRIS, { requestId: f.original.id, outcome: 'Reject' as const }));
    const late = f.c.record(SAM, { revisionOf: f.original.id });
    const withdrawal = f.c.record(SAM, { revisionOf: f.original.id, withdrawn: true });
    f.requests.push(late, withdrawal);
    const s = f.state();
    expect(s.status).toBe('rejected');
    expect(s.current).toBe(early);
    expect(s.revisions.ignored.map((i) => [i.record, i.reason])).toEqual([[late, 'after-decision'], [withdrawal, 'after-decision']]);
  });

  it('ignores a revision or withdrawal by someone other than the original\'s author', () => {
    const f = flow();
    const byComms = f.c.record(CHRIS, { revisionOf: f.original.id });
    const byOther = f.c.record(OLIVIA, { revisionOf: f.original.id, withdrawn: true });
    f.requests.push(byComms, byOther);
    const s = f.state();
    expect(s.status).toBe('submitted');
    expect(s.current).toBe(f.original);
    expect(s.revisions.ignored.map((i) => i.reason)).toEqual(['not-original-author', 'not-original-author']);
  });

  it('is withdrawn by its author before a decision, and a later decision still decides', () => {
    const f = flow();
    f.requests.push(f.c.record(SAM, { revisionOf: f.original.id, withdrawn: true }));
    expect(f.state().status).toBe('withdrawn');
    f.decisions.push(f.c.record(HANNAH, { requestId: f.original.id, outcome: 'Approve' as const }));
    expect(f.state().status).toBe('approved');
  });

  it('the first decision that counts decides; a decision by someone outside comms heads or edited later does not', () => {
    const f = flow();
    const byComms = f.c.record(CHRIS, { requestId: f.original.id, outcome: 'Approve' as const });
    const edited = { ...f.c.record(HANNAH, { requestId: f.original.id, outcome: 'Approve' as const }), modified: f.c.tick() };
    const first = f.c.record(HANNAH, { requestId: f.original.id, outcome: 'Reject' as const });
    const second = f.c.record(HANNAH, { requestId: f.original.id, outcome: 'Approve' as const });
    f.decisions.push(second, edited, first, byComms);
    const s = f.state();
    expect(s.decision).toBe(first);
    expect(s.status).toBe('rejected');
    expect(s.decisions.ignored).toEqual([{ record: byComms, reason: 'not-entitled' }, { record: edited, reason: 'edited' }]);
  });

  it('answers undefined for an id that is not an original request', () => {
    const f = flow();
    const revision = f.c.record(SAM, { revisionOf: f.original.id });
    f.requests.push(revision);
    expect(requestState(revision.id, { requests: f.requests, reviews: [], decisions: [], comms: COMMS, commsHeads: HEADS })).toBeUndefined();
    expect(requestState(999, { requests: f.requests, reviews: [], decisions: [], comms: COMMS, commsHeads: HEADS })).toBeUndefined();
  });
});

describe('reviews', () => {
  it('count only from comms and only if not edited after writing (Modified or version moved)', () => {
    const c = clock();
    const good = c.record(CHRIS, { requestId: 1, outcome: 'To decision' as const, modified: undefined as string | undefined, versionLabel: '1.0' });
    good.modified = good.created;
    const byHead = c.record(HANNAH, { requestId: 1, outcome: 'Reject' as const });
    const rewritten = { ...c.record(CHRIS, { requestId: 1, outcome: 'Reject' as const }), versionLabel: '2.0' };
    const touched = { ...c.record(CHRIS, { requestId: 1, outcome: 'Reject' as const }), modified: c.tick() };
    const verdict = countingReviews([touched, rewritten, byHead, good], { comms: COMMS });
    expect(verdict.counting).toEqual([good]);
    expect(verdict.ignored.map((i) => [i.record.id, i.reason])).toEqual([[byHead.id, 'not-entitled'], [rewritten.id, 'edited'], [touched.id, 'edited']]);
  });

  it('decisions by a former head who is no longer in the group do not count (membership now)', () => {
    const c = clock();
    const d = c.record(LEAH, { requestId: 1, outcome: 'Approve' as const });
    expect(countingDecisions([d], { commsHeads: HEADS }).counting).toEqual([]);
  });
});

describe('submission ids', () => {
  it('count once per author, the earliest wins, whatever order they are read in', () => {
    const c = clock();
    const first = c.record(SAM, { submissionId: 'a' });
    const retry = c.record(SAM, { submissionId: 'a' });
    const other = c.record(SAM, { submissionId: 'b' });
    const verdict = firstBySubmissionId([retry, other, first]);
    expect(verdict.counting).toEqual([first, other]);
    expect(verdict.ignored).toEqual([{ record: retry, reason: 'duplicate' }]);
  });

  it('someone else reusing an id does not cancel the first author\'s record; records without an id all count', () => {
    const c = clock();
    const mine = c.record(SAM, { submissionId: 'a' });
    const squatter = c.record(OLIVIA, { submissionId: 'a' });
    const old1 = c.record(SAM, {});
    const old2 = c.record(SAM, {});
    expect(firstBySubmissionId([squatter, mine, old1, old2]).counting).toEqual([mine, squatter, old1, old2]);
  });

  it('the requests list shows a retried submission once and drops revisions of nothing', () => {
    const c = clock();
    const original = c.record(SAM, { submissionId: 'a' });
    const retried = c.record(SAM, { submissionId: 'a' });
    const revision = c.record(SAM, { revisionOf: original.id, submissionId: 'b' });
    const orphan = c.record(SAM, { revisionOf: 404, submissionId: 'c' });
    const verdict = countingRequests<RequestRecord>([orphan, revision, retried, original]);
    expect(verdict.counting).toEqual([original, revision]);
    expect(verdict.ignored).toEqual([{ record: retried, reason: 'duplicate' }, { record: orphan, reason: 'unknown-original' }]);
  });
});

describe('vault public keys', () => {
  it('belong to their author, count only while the author is in comms, latest per author', () => {
    const c = clock();
    const chrisOld = c.record(CHRIS, { publicKey: 'k1' });
    const leahs = c.record(LEAH, { publicKey: 'k2' });
    const chrisNew = c.record(CHRIS, { publicKey: 'k3' });
    // Leah has left comms: her key no longer receives secrets.
    const verdict = countingVaultPublicKeys([chrisNew, leahs, chrisOld], { comms: new Set([CHRIS]) });
    expect(verdict.ignored).toEqual([{ record: leahs, reason: 'not-entitled' }]);
    expect([...currentVaultPublicKeys([chrisOld, leahs, chrisNew], { comms: [CHRIS] })]).toEqual([[CHRIS, chrisNew]]);
  });
});
