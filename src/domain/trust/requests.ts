import { byCreated, editedAfterWriting, isBefore, isIn, judge, type People, type TrustRecord, type Verdict } from './records';
import { firstBySubmissionId } from './submissions';

// A request is an original item plus revision items (RevisionOf = the original's id), all append-only;
// reviews come from comms and decisions from the comms heads. Nothing has a status column: the state
// is worked out here from the records that count.

export interface RequestRecord extends TrustRecord {
  /** Empty for an original; the original's id for a revision or a withdrawal. */
  revisionOf?: number;
  /** This revision withdraws the request. */
  withdrawn?: boolean;
  submissionId?: string;
}

export type ReviewOutcome = 'To decision' | 'More information' | 'Reject';
export type DecisionOutcome = 'Approve' | 'Reject';

export interface ReviewRecord extends TrustRecord {
  requestId: number;
  outcome: ReviewOutcome;
}

export interface DecisionRecord extends TrustRecord {
  requestId: number;
  outcome: DecisionOutcome;
}

/**
 * Reviews count only if written by a member of comms and never edited afterwards (the writer's
 * list-scoped Manage Permissions could otherwise be used to alter what was said).
 */
export function countingReviews<T extends ReviewRecord>(records: readonly T[], ctx: { comms: People }): Verdict<T> {
  return judge(records, (r) => (!isIn(ctx.comms, r.authorId) ? 'not-entitled' : editedAfterWriting(r) ? 'edited' : undefined));
}

/** Decisions count only if written by a member of the comms heads group and never edited. */
export function countingDecisions<T extends DecisionRecord>(records: readonly T[], ctx: { commsHeads: People }): Verdict<T> {
  return judge(records, (r) => (!isIn(ctx.commsHeads, r.authorId) ? 'not-entitled' : editedAfterWriting(r) ? 'edited' : undefined));
}

export type RequestStatus = 'submitted' | 'more-information' | 'awaiting-decision' | 'approved' | 'rejected' | 'withdrawn';

export interface RequestState<R extends RequestRecord, V extends ReviewRecord, D extends DecisionRecord> {
  original: R;
  /** What the request says now: the latest counting revision that is not a withdrawal, else the original. */
  current: R;
  revisions: Verdict<R>;
  reviews: Verdict<V>;
  decisions: Verdict<D>;
  /** The first decision that counts decides; later ones change nothing. */
  decision?: D;
  status: RequestStatus;
}

export interface RequestContext<R extends RequestRecord, V extends ReviewRecord, D extends DecisionRecord> {
  /** Items of the Requests list (the original and any others; only this request's are used). */
  requests: readonly R[];
  reviews: readonly V[];
  decisions: readonly D[];
  comms: People;
  commsHeads: People;
}

/**
 * The state of the request whose original item is `originalId`, or undefined when there is no such
 * original. A revision or withdrawal counts only if its Author wrote the original and SharePoint
 * recorded it before the first decision that counts (or comms' first turning it down).
 */
export function requestState<R extends RequestRecord, V extends ReviewRecord, D extends DecisionRecord>(
  originalId: number,
  ctx: RequestContext<R, V, D>
): RequestState<R, V, D> | undefined {
  const original = ctx.requests.find((r) => r.id === originalId && r.revisionOf === undefined);
  if (!original) return undefined;
  const reviews = countingReviews(ctx.reviews.filter((r) => r.requestId === originalId), ctx);
  const decisions = countingDecisions(ctx.decisions.filter((d) => d.requestId === originalId), ctx);
  const decision = decisions.counting[0];
  // Comms turning a request down is as final for the requester as a decision (they send a new one):
  // nothing recorded from then on changes or withdraws it.
  const turnedDown = [...reviews.counting].sort(byCreated).find((r) => r.outcome === 'Reject');
  const closedAt = [decision?.created, turnedDown?.created].filter((t): t is string => !!t).sort()[0];
  const revisions = judge(ctx.requests.filter((r) => r.revisionOf === originalId), (r) => {
    if (r.authorId !== original.authorId) return 'not-original-author';
    if (closedAt && !isBefore(r.created, closedAt)) return 'after-decision';
    return undefined;
  });
  const changes = revisions.counting.filter((r) => !r.withdrawn);
  const current = changes[changes.length - 1] ?? original;
  const withdrawal = revisions.counting.find((r) => r.withdrawn);
  return { original, current, revisions, reviews, decisions, decision, status: statusOf(decision, withdrawal, reviews.counting, current) };
}

function statusOf(decision: DecisionRecord | undefined, withdrawal: RequestRecord | undefined, reviews: readonly ReviewRecord[], current: RequestRecord): RequestStatus {
  if (decision) return decision.outcome === 'Approve' ? 'approved' : 'rejected';
  if (withdrawal) return 'withdrawn';
  const review = [...reviews].sort(byCreated).pop();
  if (!review) return 'submitted';
  if (review.outcome === 'Reject') return 'rejected';
  if (review.outcome === 'To decision') return 'awaiting-decision';
  // Asked for more information: a revision recorded after that question answers it.
  return isBefore(review.created, current.created) ? 'submitted' : 'more-information';
}

/**
 * The requests a list shows: originals, each client-made id once per author (a retried submission is
 * one request), and no revision whose original is missing (it belongs to nothing).
 */
export function countingRequests<R extends RequestRecord>(requests: readonly R[]): Verdict<R> {
  const originals = requests.filter((r) => r.revisionOf === undefined);
  const firsts = new Set(firstBySubmissionId(originals).counting);
  const originalIds = new Set(originals.map((r) => r.id));
  return judge(requests, (r) => {
    if (r.revisionOf === undefined) return firsts.has(r) ? undefined : 'duplicate';
    return originalIds.has(r.revisionOf) ? undefined : 'unknown-original';
  });
}
