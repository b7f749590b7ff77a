import { commsMayReview, headsMayDecide, isOpen, nextMove, outcomeOf, requesterActions, revisedSinceReview } from '../../../src/domain/requests';
import { requestState, type DecisionRecord, type RequestRecord, type ReviewRecord } from '../../../src/domain/trust';
import { clock, CHRIS, HANNAH, LEAH, SAM } from '../trust/clock';

// Comms: Chris and Leah; comms heads: Hannah. Sam asks.
function flow() {
  const c = clock();
  const requests: RequestRecord[] = [];
  const reviews: ReviewRecord[] = [];
  const decisions: DecisionRecord[] = [];
  const original = c.record(SAM, { submissionId: 's-1' });
  requests.push(original);
  const state = () => requestState(original.id, { requests, reviews, decisions, comms: [CHRIS, LEAH], commsHeads: [HANNAH] })!;
  const review = (by: number, outcome: ReviewRecord['outcome']) => { const r = c.record(by, { requestId: original.id, outcome }); reviews.push(r); return r; };
  const decide = (by: number, outcome: DecisionRecord['outcome']) => { const d = c.record(by, { requestId: original.id, outcome }); decisions.push(d); return d; };
  return { c, requests, original, state, review, decide };
}

describe('what a requester may still do', () => {
  it('revise and withdraw until it is decided; nothing after', () => {
    const f = flow();
    expect(requesterActions(f.state(), SAM)).toEqual({ revise: true, withdraw: true });
    f.review(CHRIS, 'More information');
    expect(requesterActions(f.state(), SAM)).toEqual({ revise: true, withdraw: true });
    f.review(CHRIS, 'To decision');
    expect(requesterActions(f.state(), SAM)).toEqual({ revise: true, withdraw: true });
    f.decide(HANNAH, 'Approve');
    expect(requesterActions(f.state(), SAM)).toEqual({ revise: false, withdraw: false, why: 'The head of communications has decided this request, so it can no longer be changed.' });
  });

  it('nothing once comms turned it down or it was withdrawn, and nothing for anyone else', () => {
    const f = flow();
    expect(requesterActions(f.state(), CHRIS)).toMatchObject({ revise: false, withdraw: false, why: expect.stringMatching(/Only the person who sent/) });
    f.review(CHRIS, 'Reject');
    expect(requesterActions(f.state(), SAM)).toMatchObject({ revise: false, why: expect.stringMatching(/Comms turned this request down/) });
    const g = flow();
    g.requests.push(g.c.record(SAM, { revisionOf: g.original.id, withdrawn: true }));
    expect(requesterActions(g.state(), SAM)).toMatchObject({ revise: false, withdraw: false, why: expect.stringMatching(/You withdrew/) });
  });
});

it('a request is open until it is decided, withdrawn or turned down', () => {
  expect((['submitted', 'more-information', 'awaiting-decision', 'approved', 'rejected', 'withdrawn'] as const).filter(isOpen)).toEqual(['submitted', 'more-information', 'awaiting-decision']);
});

describe('whose move it is', () => {
  it('follows the derived status', () => {
    const f = flow();
    expect([nextMove(f.state()), commsMayReview(f.state()), headsMayDecide(f.state())]).toEqual(['comms', true, false]);
    f.review(CHRIS, 'More information');
    expect([nextMove(f.state()), commsMayReview(f.state())]).toEqual(['requester', true]);
    f.requests.push(f.c.record(SAM, { revisionOf: f.original.id }));
    expect(nextMove(f.state())).toBe('comms');
    f.review(CHRIS, 'To decision');
    expect([nextMove(f.state()), commsMayReview(f.state()), headsMayDecide(f.state())]).toEqual(['commsHeads', false, true]);
    f.decide(HANNAH, 'Reject');
    expect([nextMove(f.state()), headsMayDecide(f.state())]).toEqual(['nobody', false]);
  });

  it('notices a revision sent after the latest review', () => {
    const f = flow();
    expect(revisedSinceReview(f.state())).toBe(false);
    f.review(CHRIS, 'To decision');
    expect(revisedSinceReview(f.state())).toBe(false);
    f.requests.push(f.c.record(SAM, { revisionOf: f.original.id }));
    expect(revisedSinceReview(f.state())).toBe(true);
  });
});

describe('two people acting at once', () => {
  it('two comms reviews from the same screen: the later one sets the status, and each is told of the other', () => {
    const f = flow();
    const seen = { reviews: [], decisions: [] };
    const chris = f.review(CHRIS, 'To decision');
    const leah = f.review(LEAH, 'Reject');
    expect(f.state().status).toBe('rejected');
    expect(outcomeOf(f.state(), { list: 'reviews', id: chris.id }, seen)).toEqual({ counts: false, concurrent: [leah] });
    expect(outcomeOf(f.state(), { list: 'reviews', id: leah.id }, seen)).toEqual({ counts: true, concurrent: [chris] });
  });

  it('two decisions: the first that counts decides; a review after a decision does not count', () => {
    const f = flow();
    const review = f.review(CHRIS, 'To decision');
    const seen = { reviews: [review.id], decisions: [] };
    const first = f.decide(HANNAH, 'Approve');
    const second = f.decide(HANNAH, 'Reject');
    expect(outcomeOf(f.state(), { list: 'decisions', id: first.id }, seen)).toEqual({ counts: true, concurrent: [second] });
    expect(outcomeOf(f.state(), { list: 'decisions', id: second.id }, seen)).toEqual({ counts: false, concurrent: [first] });
    const late = f.review(LEAH, 'More information');
    expect(outcomeOf(f.state(), { list: 'reviews', id: late.id }, { reviews: [review.id], decisions: [first.id, second.id] })).toEqual({ counts: false, concurrent: [] });
  });

  it('acting alone: it counts and nobody else is reported', () => {
    const f = flow();
    const r = f.review(CHRIS, 'To decision');
    expect(outcomeOf(f.state(), { list: 'reviews', id: r.id }, { reviews: [], decisions: [] })).toEqual({ counts: true, concurrent: [] });
  });

  it('a review and a decision with the same item id are told apart by their list', () => {
    const f = flow();
    const review = f.review(CHRIS, 'To decision');
    const decision: DecisionRecord = { id: review.id, authorId: HANNAH, created: f.c.tick(), requestId: f.original.id, outcome: 'Approve' };
    const state = requestState(f.original.id, { requests: f.requests, reviews: [review], decisions: [decision], comms: [CHRIS], commsHeads: [HANNAH] })!;
    expect(outcomeOf(state, { list: 'decisions', id: decision.id }, { reviews: [], decisions: [] })).toEqual({ counts: true, concurrent: [review] });
  });
});
