import { AppError, isAppError } from '../domain/errors';
import {
  commsMayReview, decisionReasonProblem, headsMayDecide, outcomeOf, parseDetails, registerProposalFrom, requestTitle, reviewMessageProblem,
  type ParsedDetails, type SeenRecords
} from '../domain/requests';
import { countingRequests, requestState, type DecisionOutcome, type RequestState, type ReviewOutcome } from '../domain/trust';
import type { IActivityLog } from './ports/activity';
import type { IGroupMembership } from './ports/groups';
import type { ActivityNotification, DeliveryResult, INotifier } from './ports/notifier';
import type { IRegisterProposals } from './ports/registerProposals';
import type { IRequestsRepository, RequestRecords, StoredDecision, StoredRequest, StoredReview } from './ports/requests';

// Comms review requests and the comms heads decide them (PRODUCT.md C3). Every action is an
// append-only record; the request's state is derived from the records that count (trust rules).
// Two people acting at once: the second is stopped before writing when the first is already there,
// and told afterwards when both wrote in the same moment, with what the request says now. Teams
// notifications and the register entry come after the record is saved and never undo it.

export type RequestCase = RequestState<StoredRequest, StoredReview, StoredDecision> & {
  /** What it asks; in a queue, read only for the requests shown so far (see `more`). */
  details: ParsedDetails;
  title: string;
  /** What the reader saw, to tell later what others did meanwhile. */
  seen: SeenRecords;
};

export interface Queue {
  /** Submitted or answered: comms' move, oldest first. */
  toReview: RequestCase[];
  /** Sent to decision: the heads' move, oldest first. */
  toDecide: RequestCase[];
  /** Waiting for the requester to add information. */
  withRequester: RequestCase[];
  /** Decided, turned down or withdrawn, newest first. */
  closed: RequestCase[];
}

export interface ActionResult {
  /** The request as it is now, after the action. */
  now: RequestCase;
  /** The record written. */
  record: StoredReview | StoredDecision;
  /** False when someone else's record, written at the same moment, is the one the state follows. */
  counts: boolean;
  /** What others wrote that the actor had not seen. */
  concurrent: (StoredReview | StoredDecision)[];
  /** Teams notifications sent after saving (best effort). */
  notified: DeliveryResult[];
  /** For an approved new account: the register entry, or why it could not be added. */
  register?: { id: number } | { problem: AppError };
}

/** Someone else acted on the request since the reader opened it: nothing was written. */
export class RequestMovedOnError extends AppError {
  public constructor(message: string, public readonly now: RequestCase) {
    super('conflict', message);
  }
}

const TARGET = 'requests';
/** Requests of a queue section shown at a time. */
export const QUEUE_PAGE = 50;

export class RequestReviewService {
  public constructor(
    private readonly requests: IRequestsRepository,
    private readonly groups: IGroupMembership,
    private readonly notifier: INotifier,
    private readonly activity: IActivityLog,
    private readonly register: IRegisterProposals,
    /** Makes the client-made id of one action (kept by the view until the action is saved). */
    public readonly newActionId: () => string
  ) {}

  private cases(records: RequestRecords, { comms, commsHeads }: { comms: number[]; commsHeads: number[] }): RequestCase[] {
    const counted = countingRequests(records.requests).counting;
    const originals = counted.filter((r) => r.revisionOf === undefined);
    // Each request's own records, grouped once: at 50,000 requests, handing every state the whole
    // lists would be billions of comparisons.
    const group = <T>(items: readonly T[], key: (t: T) => number | undefined): Map<number, T[]> => {
      const out = new Map<number, T[]>();
      for (const item of items) {
        const k = key(item);
        if (k === undefined) continue;
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
      }
      return out;
    };
    const revisions = group(counted, (r) => r.revisionOf);
    const reviews = group(records.reviews, (r) => r.requestId);
    const decisions = group(records.decisions, (d) => d.requestId);
    const out: RequestCase[] = [];
    for (const original of originals) {
      const state = requestState(original.id, {
        requests: [original, ...(revisions.get(original.id) ?? [])], reviews: reviews.get(original.id) ?? [], decisions: decisions.get(original.id) ?? [], comms, commsHeads
      });
      if (!state) continue;
      const details = parseDetails(state.current.details, state.current.type);
      out.push({
        ...state,
        details,
        title: details.ok ? requestTitle(details.details) : state.current.title || original.title || `${original.type} (request ${original.id})`,
        seen: { reviews: state.reviews.counting.map((r) => r.id), decisions: state.decisions.counting.map((d) => d.id) }
      });
    }
    return out;
  }

  /**
   * Every request by whose move it is, from one SharePoint round trip: the requests without their
   * forms (each item's Title names it), their reviews and decisions, and the groups' members.
   * The form is read when a request is opened.
   */
  public async queue(): Promise<Queue> {
    const { comms, commsHeads, ...records } = await this.requests.queue();
    const latestRecord = (c: RequestCase) => [c.current.created, ...c.reviews.counting.map((r) => r.created), ...c.decisions.counting.map((d) => d.created)].sort().pop()!;
    const byOldest = (a: RequestCase, b: RequestCase) => a.original.created.localeCompare(b.original.created) || a.original.id - b.original.id;
    const all = this.cases(records, { comms, commsHeads });
    return {
      toReview: all.filter((c) => c.status === 'submitted').sort(byOldest),
      toDecide: all.filter((c) => c.status === 'awaiting-decision').sort(byOldest),
      withRequester: all.filter((c) => c.status === 'more-information').sort(byOldest),
      closed: all.filter((c) => ['approved', 'rejected', 'withdrawn'].includes(c.status)).sort((a, b) => latestRecord(b).localeCompare(latestRecord(a)))
    };
  }

  public async open(originalId: number): Promise<RequestCase> {
    const { comms, commsHeads, ...records } = await this.requests.one(originalId);
    const [found] = this.cases(records, { comms, commsHeads });
    if (!found) throw new AppError('notFound', 'This request does not exist, or you cannot see it.');
    return found;
  }

  /** Comms review: send to decision, ask for more information, or turn down, with a message to the requester. */
  public async review(seen: RequestCase, outcome: ReviewOutcome, message: string, submissionId: string): Promise<ActionResult> {
    const problem = reviewMessageProblem(outcome, message);
    if (problem) throw new AppError('validation', problem);
    const before = await this.open(seen.original.id);
    this.stopIfMovedOn(seen, before, commsMayReview(before), submissionId);
    const record = await this.requests.review({ requestId: before.original.id, requesterId: before.original.authorId, outcome, message: message.trim(), submissionId });
    const now = await this.open(before.original.id);
    const { counts, concurrent } = outcomeOf(now, { list: 'reviews', id: record.id }, seen.seen);
    const notified = counts ? await this.notifyReview(now, outcome) : [];
    await this.log('request.reviewed', now, { outcome, counts, reviewId: record.id });
    return { now, record, counts, concurrent: concurrent as (StoredReview | StoredDecision)[], notified };
  }

  /** The heads decide: approve or reject, always with a reason. An approved new account is proposed in the register. */
  public async decide(seen: RequestCase, outcome: DecisionOutcome, reason: string, submissionId: string): Promise<ActionResult> {
    const problem = decisionReasonProblem(outcome, reason);
    if (problem) throw new AppError('validation', problem);
    const before = await this.open(seen.original.id);
    this.stopIfMovedOn(seen, before, headsMayDecide(before), submissionId);
    const record = await this.requests.decide({ requestId: before.original.id, requesterId: before.original.authorId, outcome, reason: reason.trim(), submissionId });
    const now = await this.open(before.original.id);
    const { counts, concurrent } = outcomeOf(now, { list: 'decisions', id: record.id }, seen.seen);
    const result: ActionResult = { now, record, counts, concurrent: concurrent as (StoredReview | StoredDecision)[], notified: [] };
    if (counts) {
      if (now.status === 'approved') result.register = await this.proposeInRegister(now);
      result.notified = await this.notifyDecision(now, outcome);
    }
    await this.log('request.decided', now, { outcome, counts, decisionId: record.id, registerEntry: result.register && 'id' in result.register ? result.register.id : undefined });
    return result;
  }

  /** For an approved new account without a register entry yet (e.g. the head is not in Comms): comms add it. */
  public async proposeInRegister(c: RequestCase): Promise<{ id: number } | { problem: AppError }> {
    if (c.status !== 'approved' || !c.details.ok || c.details.details.kind !== 'New account') {
      return { problem: new AppError('validation', 'Only an approved new-account request becomes a register entry.') };
    }
    try {
      return await this.register.propose(registerProposalFrom(c.original.id, c.details.details));
    } catch (e) {
      return { problem: isAppError(e) ? e : new AppError('server', 'The register entry could not be added. Try again.') };
    }
  }

  public entryFor(c: RequestCase): Promise<{ id: number } | undefined> {
    return this.register.entryFor(c.original.id);
  }

  /**
   * Stops an action when the request moved on since the reader opened it: someone else reviewed or
   * decided, or the requester changed it (approving what the reader never saw would let the owner,
   * backup or handle be swapped after the fact). The reader's own earlier attempt of this action
   * (same client-made id, saved but not finished, e.g. its sharing failed) is not "someone else":
   * the action resumes, so the record is shared and the notifications go out.
   */
  private stopIfMovedOn(seen: RequestCase, now: RequestCase, allowed: boolean, submissionId: string): void {
    const mine = (r: { submissionId?: string }) => r.submissionId === submissionId;
    if ([...now.reviews.counting, ...now.decisions.counting].some(mine)) return;
    const newReviews = now.reviews.counting.filter((r) => !seen.seen.reviews.includes(r.id));
    const newDecisions = now.decisions.counting.filter((d) => !seen.seen.decisions.includes(d.id));
    const newest = [...newReviews, ...newDecisions].sort((a, b) => a.created.localeCompare(b.created)).pop();
    if (newest) {
      const who = newest.authorName ?? 'Someone';
      const what = 'reason' in newest ? `decided it (${newest.outcome.toLowerCase()})` : newest.outcome === 'To decision' ? 'sent it to decision' : newest.outcome === 'Reject' ? 'turned it down' : 'asked for more information';
      throw new RequestMovedOnError(`${who} ${what} while you had it open. Nothing of yours was saved; here is the request as it is now.`, now);
    }
    if (now.current.id !== seen.current.id) {
      const who = (now.original as StoredRequest).authorName ?? 'The requester';
      throw new RequestMovedOnError(`${who} changed the request while you had it open. Nothing of yours was saved; read what it says now.`, now);
    }
    if (!allowed) throw new RequestMovedOnError(`This request is ${now.status.replace('-', ' ')} now, so that action no longer applies. Nothing was saved.`, now);
  }

  private async notifyReview(c: RequestCase, outcome: ReviewOutcome): Promise<DeliveryResult[]> {
    const requester = this.requesterLogin(c);
    const sent: DeliveryResult[] = [];
    if (requester) {
      const words = outcome === 'To decision' ? 'sent to the head of communications for a decision' : outcome === 'Reject' ? 'turned down' : 'more information needed';
      sent.push(...await this.send({ activityType: 'requestUpdated', recipients: [requester], previewText: `${c.title}: ${words}.`, templateParameters: { requestTitle: c.title, outcome: words }, deepLink: this.link('requests', c) }));
    }
    if (outcome === 'To decision') {
      const heads = await this.groups.members('commsHeads').catch(() => []);
      if (heads.length) sent.push(...await this.send({ activityType: 'approvalRequired', recipients: heads.map((h) => h.login), previewText: `${c.title} waits for your decision.`, templateParameters: { requestTitle: c.title }, deepLink: this.link('review', c) }));
    }
    return sent;
  }

  private async notifyDecision(c: RequestCase, outcome: DecisionOutcome): Promise<DeliveryResult[]> {
    const requester = this.requesterLogin(c);
    if (!requester) return [];
    const words = outcome === 'Approve' ? 'approved' : 'rejected';
    return this.send({ activityType: 'requestUpdated', recipients: [requester], previewText: `${c.title}: ${words}.`, templateParameters: { requestTitle: c.title, outcome: words }, deepLink: this.link('requests', c) });
  }

  private requesterLogin(c: RequestCase): string | undefined {
    return (c.original as StoredRequest).authorLogin || undefined;
  }

  private link(pageId: 'requests' | 'review', c: RequestCase): ActivityNotification['deepLink'] {
    return { pageId, subPageId: String(c.original.id), label: c.title };
  }

  private async send(n: ActivityNotification): Promise<DeliveryResult[]> {
    try {
      return await this.notifier.notify(n);
    } catch {
      // The notifier reports per person and never throws for delivery; anything else is a bug, not the action's failure.
      return n.recipients.map((recipient) => ({ recipient, status: 'failed', reason: 'server' }));
    }
  }

  private async log(action: string, c: RequestCase, data: Record<string, unknown>): Promise<void> {
    try {
      await this.activity.append({ action, targetList: TARGET, targetId: c.original.id, data: { ...data, status: c.status } });
    } catch {
      // The log records the action; failing to write it must not undo or block it.
    }
  }
}
