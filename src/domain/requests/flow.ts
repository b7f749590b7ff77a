import { byCreated, type DecisionRecord, type RequestRecord, type RequestState, type RequestStatus, type ReviewRecord } from '../trust';

// What each person may still do with a request, from its derived state (trust/requests.ts). These
// decide which actions a view offers; SharePoint's permissions and the trust rules decide what
// counts, so a view that offered too much could not change the outcome, only confuse.

type AnyState = RequestState<RequestRecord, ReviewRecord, DecisionRecord>;

/** Still being looked at: not decided, not withdrawn, not turned down by comms. */
const OPEN: readonly RequestStatus[] = ['submitted', 'more-information', 'awaiting-decision'];

export const isOpen = (status: RequestStatus): boolean => OPEN.includes(status);

export interface RequesterActions {
  /** Send a changed version (a revision counts only before the first decision). */
  revise: boolean;
  withdraw: boolean;
  /** When neither is possible, why, in plain English. */
  why?: string;
}

/** What `userId` may still do with this request as its requester. */
export function requesterActions(state: AnyState, userId: number): RequesterActions {
  if (state.original.authorId !== userId) return { revise: false, withdraw: false, why: 'Only the person who sent a request can change or withdraw it.' };
  switch (state.status) {
    case 'approved': case 'rejected':
      return { revise: false, withdraw: false, why: state.decision ? 'The head of communications has decided this request, so it can no longer be changed.' : 'Comms turned this request down, so it can no longer be changed. You can send a new one.' };
    case 'withdrawn':
      return { revise: false, withdraw: false, why: 'You withdrew this request. To ask again, send a new one.' };
    default:
      return { revise: true, withdraw: true };
  }
}

/** Who has the next move: comms to review, the comms heads to decide, the requester to answer, or nobody. */
export function nextMove(state: AnyState): 'comms' | 'commsHeads' | 'requester' | 'nobody' {
  switch (state.status) {
    case 'submitted': return 'comms';
    case 'more-information': return 'requester';
    case 'awaiting-decision': return 'commsHeads';
    default: return 'nobody';
  }
}

/** Comms may review a request that is open and not yet with the comms heads' decision; the heads decide one that waits for it. */
export function commsMayReview(state: AnyState): boolean {
  return state.status === 'submitted' || state.status === 'more-information';
}

export function headsMayDecide(state: AnyState): boolean {
  return state.status === 'awaiting-decision';
}

/** The request changed after the latest review that counts (comms may want to look again before it is decided). */
export function revisedSinceReview(state: AnyState): boolean {
  const review = [...state.reviews.counting].sort(byCreated).pop();
  return !!review && state.current !== state.original && byCreated<RequestRecord | ReviewRecord>(review, state.current) < 0;
}

export interface ActionOutcome {
  /** The writer's record is the one the request's status now follows. */
  counts: boolean;
  /** Records others wrote that the writer had not seen when they acted (oldest first): tell the writer. */
  concurrent: (ReviewRecord | DecisionRecord)[];
}

/** The review and decision ids that were on the writer's screen when they acted (ids are per list). */
export interface SeenRecords { reviews: readonly number[]; decisions: readonly number[] }

/**
 * Two people acting on one request at once. After writing, the writer reads the request again and
 * asks this. A decision counts when it is the first decision that counts; a review counts when it is
 * the latest review that counts and no decision came first. Whatever the outcome, records others
 * wrote that the writer had not seen are returned (oldest first), so the view can say who else acted
 * and what the request says now. Nothing is lost: every record stays, and the derived state is the
 * same for everyone.
 */
export function outcomeOf(state: AnyState, mine: { list: 'reviews' | 'decisions'; id: number }, seen: SeenRecords): ActionOutcome {
  const unseen = <T extends ReviewRecord | DecisionRecord>(records: readonly T[], ids: readonly number[], list: 'reviews' | 'decisions'): T[] =>
    records.filter((r) => !ids.includes(r.id) && !(list === mine.list && r.id === mine.id));
  const concurrent = [...unseen(state.reviews.counting, seen.reviews, 'reviews'), ...unseen(state.decisions.counting, seen.decisions, 'decisions')].sort(byCreated);
  if (mine.list === 'decisions') return { counts: state.decision?.id === mine.id, concurrent };
  const latest = [...state.reviews.counting].sort(byCreated).pop();
  return { counts: !state.decision && latest?.id === mine.id, concurrent };
}
