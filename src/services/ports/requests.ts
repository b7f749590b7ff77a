import type { DecisionOutcome, DecisionRecord, RequestRecord, ReviewOutcome, ReviewRecord } from '../../domain/trust';

// Requests to comms (PRODUCT.md C3) as SharePoint keeps them: append-only items whose Author and
// Created are the only "who" and "when" (section 3). The state of a request is worked out by the
// trust rules (src/domain/trust/requests.ts) from these records; nothing here has a status.

export type RequestType = 'New account' | 'Paid campaign' | 'Close account' | 'Idea or question';

export interface StoredRequest extends RequestRecord {
  type: RequestType;
  /** The item's Title: what the request is about, as the form named it when it was sent. */
  title?: string;
  /** The form as the requester filled it in (JSON, parsed by the request domain). */
  details: string;
  /** When the requester's browser submitted it (what they see); trust rules use `created`. */
  submittedAt?: string;
  authorName?: string;
  authorLogin?: string;
}

export interface StoredReview extends ReviewRecord {
  message: string;
  authorName?: string;
  /** The writer's client-made id: a retry of the same action finds it. */
  submissionId?: string;
}

export interface StoredDecision extends DecisionRecord {
  reason: string;
  authorName?: string;
  submissionId?: string;
}

export interface NewRequest {
  type: RequestType;
  details: string;
  /** Client-made id: a retry with the same id never makes a second item. */
  submissionId: string;
  /** For a revision or withdrawal: the original's id. */
  revisionOf?: number;
  withdrawn?: boolean;
}

export interface NewReview {
  requestId: number;
  /** The requester (the original's Author), to whom the review is opened. */
  requesterId: number;
  outcome: ReviewOutcome;
  message: string;
  submissionId: string;
}

export interface NewDecision {
  requestId: number;
  requesterId: number;
  outcome: DecisionOutcome;
  reason: string;
  submissionId: string;
}

/** Everything about some requests that the reader may see. */
export interface RequestRecords {
  requests: StoredRequest[];
  reviews: StoredReview[];
  decisions: StoredDecision[];
}

export interface QueueRecords extends RequestRecords {
  comms: number[];
  commsHeads: number[];
}

export interface IRequestsRepository {
  /** Adds the signed-in person's request, revision or withdrawal; a retry returns the first item. */
  submit(request: NewRequest): Promise<StoredRequest>;
  /** The signed-in person's own requests with the reviews and decisions opened to them. */
  mine(userId: number): Promise<RequestRecords>;
  /**
   * One request (original and revisions) with its reviews and decisions, as far as the reader may
   * see, and who is in Comms and Comms Heads now: one SharePoint round trip.
   */
  one(originalId: number): Promise<QueueRecords>;
  /** Every request with every review and decision (comms and heads only); requests without their Details. */
  all(): Promise<RequestRecords>;
  /**
   * The queue's first paint in one SharePoint round trip: every request (without its form), every
   * review and decision (without their messages) and who is in Comms and Comms Heads now.
   */
  queue(): Promise<QueueRecords>;
  /** Comms add a review and open it to the requester alone. */
  review(review: NewReview): Promise<StoredReview>;
  /** The comms heads add a decision and open it to the requester alone. */
  decide(decision: NewDecision): Promise<StoredDecision>;
}
