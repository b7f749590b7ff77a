import { AppError, isAppError } from '../domain/errors';
import { checkHashtag, normaliseTag, validateHashtag, type CleanCheck } from '../domain/hashtags';
import {
  emptyRequest, inputFromDetails, localDate, parseDetails, requesterActions, requestTitle, validateRequest,
  type FormProblem, type RequestDetails, type RequestDraft, type RequesterActions, type RequestInput, type RequestKind
} from '../domain/requests';
import { byCreated, countingRequests, requestState, type IgnoredReason, type RequestStatus } from '../domain/trust';
import type { GateResult } from './acknowledgementGate';
import { PeopleService } from './peopleService';
import type { IActivityLog } from './ports/activity';
import type { AccountStaffing, IAccountsRepository } from './ports/accounts';
import type { IGroupMembership } from './ports/groups';
import type { IHashtagsRepository, RegisteredTag } from './ports/hashtags';
import type { INotifier } from './ports/notifier';
import type { IRequestsRepository, RequestRecords, StoredDecision, StoredRequest, StoredReview } from './ports/requests';
import { notifyCommsGroup, type CommsNotified } from './commsNotice';

// The requester's side of requests (PRODUCT.md C3): send one of the four kinds, revise it until it is
// decided, withdraw it, and follow it with its status and history. The gate comes first; the form is
// checked by the domain; the draft's client-made id makes every retry the same request; comms are
// told in Teams after the request is saved, as a best effort that never undoes or blocks the save.

/** Saving is retried this many times in all after a throttled, offline or server failure. */
const SAVE_ATTEMPTS = 4;
/** Longer waits than this are not slept through: the person is told and their draft is kept. */
const MAX_WAIT_SECONDS = 20;

export interface RequestsServiceDeps {
  requests: IRequestsRepository;
  groups: IGroupMembership;
  gate: { check(): Promise<GateResult> };
  notifier: INotifier;
  activity: IActivityLog;
  hashtags: IHashtagsRepository;
  accounts: IAccountsRepository;
  me: () => Promise<number>;
  newId: () => string;
  /** The directory, for the owner and backup pickers (none where Graph is not available). */
  people?: PeopleService;
  /** The person's today (YYYY-MM-DD) for the date rules. */
  today?: () => string;
  sleep?: (ms: number) => Promise<void>;
}

export type { CommsNotified };

export type SubmitOutcome =
  /** The policy in force is not confirmed: the draft stays, the person is sent to the policy. */
  | { kind: 'gate'; gate: GateResult }
  | { kind: 'invalid'; problems: FormProblem[] }
  /** The request is already decided or withdrawn (a revision or withdrawal would not count). */
  | { kind: 'closed'; why: string }
  | { kind: 'saved'; request: StoredRequest; originalId: number; notified?: CommsNotified };

export type HistoryEntry =
  | { kind: 'sent' | 'revised' | 'withdrawn'; at: string; by?: string; counts: boolean; ignored?: IgnoredReason; details?: RequestDetails }
  | { kind: 'review'; at: string; by?: string; counts: boolean; outcome: StoredReview['outcome']; message: string }
  | { kind: 'decision'; at: string; by?: string; counts: boolean; outcome: StoredDecision['outcome']; message: string };

export interface MyRequest {
  id: number;
  type: StoredRequest['type'];
  title: string;
  status: RequestStatus;
  /** When SharePoint recorded the original. */
  sent: string;
  /** The latest record that counts. */
  lastChange: string;
  actions: RequesterActions;
}

export interface RequestDetail extends MyRequest {
  /** What the request says now (undefined when its stored details cannot be read, with why). */
  details?: RequestDetails;
  unreadable?: string;
  history: HistoryEntry[];
}

/** The Activity log's name for the Requests list (as the policy publisher names its list by key). */
const TARGET = 'requests';

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function retryableSave(e: unknown): e is AppError {
  return isAppError(e) && (e.kind === 'throttled' || e.kind === 'offline' || e.kind === 'server');
}

export class RequestsService {
  private readonly today: () => string;
  private readonly sleep: (ms: number) => Promise<void>;

  /** Who can be named owner or backup: the pickers search with it. */
  public readonly directory: PeopleService;

  public constructor(private readonly d: RequestsServiceDeps) {
    this.today = d.today ?? (() => localDate(new Date()));
    this.sleep = d.sleep ?? realSleep;
    this.directory = d.people ?? new PeopleService(undefined);
  }

  /** A fresh draft: its submission id is made now and kept with it until the save is confirmed. */
  public startDraft(kind: RequestKind, revisionOf: number | null = null, input?: RequestInput): RequestDraft {
    return { kind, savedAt: new Date().toISOString(), revisionOf, submissionId: this.d.newId(), input: input ?? emptyRequest(kind) };
  }

  /** A client-made id for one write the person means once (a withdrawal), reused by its retries. */
  public newSubmissionId(): string {
    return this.d.newId();
  }

  public gateCheck(): Promise<GateResult> {
    return this.d.gate.check();
  }

  /** Accounts that may be closed or run a campaign (not closed), for the forms' account choice. */
  public accounts(): Promise<AccountStaffing[]> {
    return this.d.accounts.staffedAccounts();
  }

  /**
   * Sends a new request or a revision (draft.revisionOf). Throws an AppError when the save could not
   * be confirmed after the retries; the caller keeps the draft and its submission id, so trying again
   * can never make a second request.
   */
  public async submit(draft: RequestDraft): Promise<SubmitOutcome> {
    const gate = await this.d.gate.check();
    if (!gate.allowed) return { kind: 'gate', gate };
    const accepted = validateRequest(draft.input, { today: this.today() });
    if (!accepted.ok) return { kind: 'invalid', problems: accepted.problems };
    if (draft.revisionOf !== null) {
      const open = await this.stillOpen(draft.revisionOf);
      if (open) return { kind: 'closed', why: open };
    }
    let request = await this.save(() => this.d.requests.submit({
      type: draft.kind, details: accepted.json, submissionId: draft.submissionId, ...(draft.revisionOf !== null ? { revisionOf: draft.revisionOf } : {})
    }));
    const originalId = draft.revisionOf ?? request.id;
    if (request.details !== accepted.json) {
      // An earlier send of this draft was saved although its answer never came, and the person has
      // changed the form since: what they send now goes in as a revision, so their edits are kept.
      const revisionId = this.d.newId();
      request = await this.save(() => this.d.requests.submit({ type: draft.kind, details: accepted.json, submissionId: revisionId, revisionOf: originalId }));
    }
    if (request.id !== originalId) {
      const late = await this.arrivedLate(originalId, request.id);
      if (late) {
        await this.log('request.revised', originalId, { type: draft.kind, itemId: request.id, submissionId: draft.submissionId, counts: false });
        return { kind: 'closed', why: late };
      }
    }
    const notified = await this.notifyComms(originalId, accepted.details, draft.revisionOf !== null ? 'revised' : 'new');
    await this.log(draft.revisionOf !== null ? 'request.revised' : 'request.submitted', originalId, {
      type: draft.kind, itemId: request.id, submissionId: draft.submissionId, ...summary(notified)
    });
    return { kind: 'saved', request, originalId, notified };
  }

  /** Withdraws an open request (a withdrawal item of its own; `submissionId` makes a retry the same one). */
  public async withdraw(originalId: number, submissionId: string): Promise<SubmitOutcome> {
    const closed = await this.stillOpen(originalId);
    if (closed) return { kind: 'closed', why: closed };
    const records = await this.d.requests.one(originalId);
    const original = records.requests.find((r) => r.id === originalId)!;
    const request = await this.save(() => this.d.requests.submit({ type: original.type, details: original.details, submissionId, revisionOf: originalId, withdrawn: true }));
    const late = await this.arrivedLate(originalId, request.id);
    if (late) {
      await this.log('request.withdrawn', originalId, { type: original.type, itemId: request.id, submissionId, counts: false });
      return { kind: 'closed', why: late };
    }
    // Comms may be working on it: they are told, once the withdrawal is saved, as on submission.
    const details = detailsOf(original);
    const notified = await this.notifyComms(originalId, details, 'withdrawn');
    await this.log('request.withdrawn', originalId, { type: original.type, itemId: request.id, submissionId, ...summary(notified) });
    return { kind: 'saved', request, originalId, notified };
  }

  /** The signed-in person's requests, newest first, each with its derived status. */
  public async mine(): Promise<MyRequest[]> {
    const me = await this.d.me();
    const [records, people] = await Promise.all([this.d.requests.mine(me), this.people()]);
    const originals = countingRequests(records.requests).counting.filter((r) => r.revisionOf === undefined);
    const out: MyRequest[] = [];
    for (const original of originals) {
      const made = this.summaryOf(original.id, records, people, me);
      if (made) out.push(made.summary);
    }
    return out.sort((a, b) => Date.parse(b.sent) - Date.parse(a.sent) || b.id - a.id);
  }

  /** One request as the reader may see it, with its history; undefined when there is no such request for them. */
  public async one(originalId: number): Promise<RequestDetail | undefined> {
    const me = await this.d.me();
    const { comms, commsHeads, ...records } = await this.d.requests.one(originalId);
    const people = { comms, commsHeads };
    const made = this.summaryOf(originalId, records, people, me);
    if (!made) return undefined;
    const { state, summary: s } = made;
    const parsed = parseDetails(state.current.details, state.original.type);
    const history: HistoryEntry[] = [];
    const countsR = new Set(state.revisions.counting);
    history.push({ kind: 'sent', at: state.original.created, by: state.original.authorName, counts: true, details: detailsOf(state.original) });
    for (const r of [...state.revisions.counting, ...state.revisions.ignored.map((i) => i.record)]) {
      const ignored = state.revisions.ignored.find((i) => i.record === r)?.reason;
      history.push({ kind: r.withdrawn ? 'withdrawn' : 'revised', at: r.created, by: r.authorName, counts: countsR.has(r), ignored, details: r.withdrawn ? undefined : detailsOf(r) });
    }
    for (const v of state.reviews.counting) history.push({ kind: 'review', at: v.created, by: v.authorName, counts: true, outcome: v.outcome, message: v.message });
    for (const dd of state.decisions.counting) history.push({ kind: 'decision', at: dd.created, by: dd.authorName, counts: dd === state.decision, outcome: dd.outcome, message: dd.reason });
    history.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return { ...s, details: parsed.ok ? parsed.details : undefined, unreadable: parsed.ok ? undefined : parsed.reason, history };
  }

  /** The form as the request says it now, to revise it. */
  public reviseDraft(detail: RequestDetail): RequestDraft | undefined {
    if (!detail.details) return undefined;
    return this.startDraft(detail.details.kind, detail.id, inputFromDetails(detail.details));
  }

  /** The clean check of a proposed hashtag against the register (undefined when the tag itself is not valid yet). */
  public async checkHashtag(tag: string): Promise<CleanCheck<RegisteredTag> | undefined> {
    const valid = validateHashtag(tag);
    if (!valid.ok) return undefined;
    return checkHashtag(valid.tag, await this.d.hashtags.candidates(normaliseTag(valid.tag)));
  }

  private async people(): Promise<{ comms: number[]; commsHeads: number[] }> {
    const [comms, commsHeads] = await Promise.all([this.d.groups.memberIds('comms'), this.d.groups.memberIds('commsHeads')]);
    return { comms, commsHeads };
  }

  private summaryOf(originalId: number, records: RequestRecords, people: { comms: number[]; commsHeads: number[] }, me: number) {
    const state = requestState(originalId, { ...records, ...people });
    if (!state) return undefined;
    const parsed = parseDetails(state.current.details, state.original.type);
    const latest = [...state.revisions.counting, ...state.reviews.counting, ...(state.decision ? [state.decision] : [])].sort(byCreated).pop();
    const summary: MyRequest = {
      id: state.original.id, type: state.original.type, title: parsed.ok ? requestTitle(parsed.details) : state.original.type,
      status: state.status, sent: state.original.created, lastChange: latest?.created ?? state.original.created, actions: requesterActions(state, me)
    };
    return { state, summary };
  }

  /** Why a revision or withdrawal would not count now, or undefined while the request is open. */
  private async stillOpen(originalId: number): Promise<string | undefined> {
    const me = await this.d.me();
    const { comms, commsHeads, ...records } = await this.d.requests.one(originalId);
    const people = { comms, commsHeads };
    const made = this.summaryOf(originalId, records, people, me);
    if (!made) throw new AppError('notFound', 'This request was not found, or it is not yours.');
    const a = made.summary.actions;
    return a.revise && a.withdraw ? undefined : a.why ?? 'This request can no longer be changed.';
  }

  /**
   * Reads the request back after a revision or withdrawal was saved, as reviews do: SharePoint's
   * Created has whole seconds, so one recorded in the same second as the decision (or after it, when
   * the decision came while the person was typing) does not count. Says so, or undefined when it counts.
   */
  private async arrivedLate(originalId: number, itemId: number): Promise<string | undefined> {
    const [records, people] = await Promise.all([this.d.requests.one(originalId), this.people()]);
    const state = requestState(originalId, { ...records, ...people });
    const ignored = state?.revisions.ignored.find((i) => i.record.id === itemId);
    if (!state || !ignored) return undefined;
    return ignored.reason === 'after-decision'
      ? 'The request was decided before your change arrived. Your change is kept in its history but does not change it; send a new request if you still need something.'
      : 'Your change was saved but does not count: only the person who sent the request can change it.';
  }

  /** The repository's write, tried again after a throttled, offline or server failure (the submission id makes it one item). */
  private async save<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (e) {
        if (!retryableSave(e) || attempt >= SAVE_ATTEMPTS) throw e;
        const wait = e.retryAfterSeconds ?? 2 ** (attempt - 1);
        if (wait > MAX_WAIT_SECONDS) throw e;
        await this.sleep(wait * 1000);
      }
    }
  }

  /** Tells the comms group in Teams; never throws (the request is saved whatever happens here). */
  private notifyComms(originalId: number, details: RequestDetails | undefined, step: 'new' | 'revised' | 'withdrawn'): Promise<CommsNotified> {
    // A withdrawn request whose stored details cannot be read is still named, by its number.
    const title = details ? requestTitle(details) : `Request ${originalId}`;
    const withdrawn = step === 'withdrawn';
    return notifyCommsGroup(this.d.groups, this.d.notifier, {
      activityType: withdrawn ? 'requestWithdrawn' : 'approvalRequired',
      previewText: clipText(withdrawn ? `Withdrawn by the requester: ${title}` : `${step === 'revised' ? 'Revised' : 'New'} request to review: ${title}`, 150),
      templateParameters: { requestTitle: title },
      // Comms act on it (or see it withdrawn) in the review view, which the link opens on this request.
      deepLink: { pageId: 'review', subPageId: String(originalId), label: title }
    });
  }

  private async log(action: string, targetId: number, data: Record<string, unknown>): Promise<void> {
    try {
      await this.d.activity.append({ action, targetList: TARGET, targetId, data });
    } catch {
      // The log is a record on top of the saved request; failing to write it must not undo or block it.
    }
  }
}

function detailsOf(r: StoredRequest): RequestDetails | undefined {
  const parsed = parseDetails(r.details, r.type);
  return parsed.ok ? parsed.details : undefined;
}

function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function summary(n: CommsNotified): Record<string, unknown> {
  return {
    notified: n.recipients,
    sent: n.results.filter((r) => r.status === 'sent').length,
    notReachable: n.results.filter((r) => r.status === 'notReachable').length,
    failed: n.results.filter((r) => r.status === 'failed').length,
    ...(n.problem ? { problem: n.problem } : {})
  };
}
