// IRequestsRepository on SharePoint: requests, reviews and decisions as append-only items.
//
// - Idempotency by reading (PRODUCT.md §3): every write carries a client-made SubmissionId. Before
//   adding, the writer looks for its own item with that id; after a failure that may have happened
//   on the server side (no answer, throttled, 5xx), it looks again before giving up. A retry of the
//   app's own never makes a second item; one the HTTP layer makes on its own (a POST repeated after
//   a lost answer) or two tabs can, so every write answers with the earliest item of its id, which
//   is the one readers count.
// - A review or decision is opened to the requester alone: the writer breaks the item's
//   inheritance copying the list's assignments (so the writer keeps add-and-share, not edit) and
//   grants the requester Read. If sharing fails after the add, the retry finds the item and shares
//   it again; a second identical role assignment changes nothing in SharePoint.
import './pnpAdmin';
import type { SPFI } from './pnpAdmin';
import { BUILT_IN, GROUPS, LISTS, PERSON, fieldNames, through } from '../schema';
import { guarded, toAppError } from '../errors/normalise';
import { InjectHeaders } from '@pnp/queryable';
import { AppError, isAppError } from '../../domain/errors';
import { odataNumber, odataString } from './odata';
import { upnOf } from './claims';
import type { IRequestsRepository, QueueRecords, NewDecision, NewRequest, NewReview, RequestRecords, RequestType, StoredDecision, StoredRequest, StoredReview } from '../../services/ports/requests';
import type { DecisionOutcome, ReviewOutcome } from '../../domain/trust';
import { clip, parseDetails, requestTitle } from '../../domain/requests';

const R = fieldNames(LISTS.requests);
const V = fieldNames(LISTS.reviews);
const D = fieldNames(LISTS.decisions);
const { Id, Title, Created, Modified, AuthorId, Author } = BUILT_IN;
const AUTHOR = [through(Author, PERSON.Title), through(Author, PERSON.Name)];

const REQUEST_SELECT = [Id, Title, Created, Modified, AuthorId, R.RequestType, R.SubmissionId, R.Details, R.SubmittedAt, R.RevisionOf, R.Withdrawn, ...AUTHOR];
// The queue leaves out the form and the sign-in name (read when a request is opened) and the
// browser's own send time (the queue orders by Created); Modified stays, since a record edited
// after writing does not count.
const REQUEST_INDEX_SELECT = REQUEST_SELECT.filter((f) => f !== R.Details && f !== R.SubmittedAt && f !== through(Author, PERSON.Name));
const REVIEW_SELECT = [Id, Created, Modified, AuthorId, V.RequestId, V.Outcome, V.Message, V.SubmissionId, ...AUTHOR];
const DECISION_SELECT = [Id, Created, Modified, AuthorId, D.RequestId, D.Outcome, D.Reason, D.SubmissionId, ...AUTHOR];
// For status alone: no message or reason (they are read when one request is opened).
// The queue shows who sent a request, not who reviewed it: no author names for reviews and decisions.
const REVIEW_INDEX_SELECT = REVIEW_SELECT.filter((f) => f !== V.Message && !AUTHOR.includes(f));
const DECISION_INDEX_SELECT = DECISION_SELECT.filter((f) => f !== D.Reason && !AUTHOR.includes(f));
/** Id windows asked for in the queue's first $batch, per list: 60,000 items each in one round trip. */
const FIRST_WINDOWS = 12;

/** SharePoint's largest page; lists are read in pages of this many. */
const PAGE = 5000;
/** Per-request queries sent together in one $batch (two each: reviews and decisions). */
const REQUESTS_PER_BATCH = 50;
/** SharePoint's role type for the built-in Read level (SP.RoleType.Reader). */
const READER = 2;

interface AuthorValue { Title?: string; Name?: string }
interface RequestItem {
  Id: number; Title?: string | null; Created: string; Modified?: string; AuthorId: number; Author?: AuthorValue;
  RequestType: RequestType; SubmissionId?: string | null; Details?: string | null; SubmittedAt?: string | null; RevisionOf?: number | null; Withdrawn?: boolean | null;
}
interface ReviewItem { Id: number; Created: string; Modified?: string; AuthorId: number; Author?: AuthorValue; RequestId: number; Outcome: ReviewOutcome; Message?: string | null; SubmissionId?: string | null }
interface DecisionItem { Id: number; Created: string; Modified?: string; AuthorId: number; Author?: AuthorValue; RequestId: number; Outcome: DecisionOutcome; Reason?: string | null; SubmissionId?: string | null }

const toRequest = (i: RequestItem): StoredRequest => ({
  id: i.Id, title: i.Title ?? undefined, authorId: i.AuthorId, created: i.Created, modified: i.Modified, type: i.RequestType, details: i.Details ?? '',
  submissionId: i.SubmissionId ?? undefined, submittedAt: i.SubmittedAt ?? undefined,
  revisionOf: typeof i.RevisionOf === 'number' ? i.RevisionOf : undefined, withdrawn: i.Withdrawn === true,
  authorName: i.Author?.Title, authorLogin: i.Author?.Name ? upnOf(i.Author.Name, '') : undefined
});
const toReview = (i: ReviewItem): StoredReview => ({
  id: i.Id, authorId: i.AuthorId, created: i.Created, modified: i.Modified, requestId: i.RequestId, outcome: i.Outcome, message: i.Message ?? '', authorName: i.Author?.Title, submissionId: i.SubmissionId ?? undefined
});
const toDecision = (i: DecisionItem): StoredDecision => ({
  id: i.Id, authorId: i.AuthorId, created: i.Created, modified: i.Modified, requestId: i.RequestId, outcome: i.Outcome, reason: i.Reason ?? '', authorName: i.Author?.Title, submissionId: i.SubmissionId ?? undefined
});

function titleOf(request: NewRequest): string {
  const parsed = parseDetails(request.details, request.type);
  const title = parsed.ok ? requestTitle(parsed.details) : request.type;
  return request.withdrawn ? clip(`Withdrawn: ${title}`, 255) : title;
}

/** A failure after which the write may still have happened on the server. */
function mayHaveWritten(e: unknown): boolean {
  return isAppError(e) && (e.kind === 'offline' || e.kind === 'server' || e.kind === 'throttled');
}

/** Reading a list the reader has no access to at all (nothing opened to them yet) is reading nothing. */
async function orNothing<T>(read: Promise<T[]>): Promise<T[]> {
  try {
    return await read;
  } catch (raw) {
    const e = await toAppError(raw);
    if (e.kind === 'forbidden' || e.kind === 'notFound' || e.kind === 'notSetUp') return [];
    throw e;
  }
}

export class SpRequestsRepository implements IRequestsRepository {
  private readerRoleId?: Promise<number>;

  public constructor(private readonly sp: SPFI, private readonly me: () => Promise<number>) {}

  private list(key: 'requests' | 'reviews' | 'decisions', sp: SPFI = this.sp) {
    return sp.web.lists.getByTitle(LISTS[key].title);
  }

  /**
   * The signed-in person's earliest item with this client-made id. SubmissionId first: it is indexed
   * on all three lists and narrows to one or two rows, so the query stays under the list view
   * threshold however long the list grows (Author is indexed on Requests only).
   */
  private async own<T extends { Id: number }>(key: 'requests' | 'reviews' | 'decisions', submissionId: string, select: string[]): Promise<T | undefined> {
    const me = await this.me();
    const found = await this.list(key).items.filter(`${R.SubmissionId} eq ${odataString(submissionId)} and ${AuthorId} eq ${odataNumber(me)}`)
      .select(...select).expand(Author).orderBy(Id, true).top(1)<T[]>();
    return found[0];
  }

  /** Adds once: returns the existing item for this id, or adds and reads back; looks again after an ambiguous failure. */
  private async addOnce<T extends { Id: number }>(key: 'requests' | 'reviews' | 'decisions', submissionId: string, select: string[], values: Record<string, unknown>): Promise<T> {
    const existing = await this.own<T>(key, submissionId, select);
    if (existing) return existing;
    try {
      await this.list(key).items.add(values);
      // The earliest item with this id, which may not be the one this call made: the HTTP layer
      // (PnPjs' BrowserFetchWithRetry) repeats a POST whose answer was lost, so two can exist, and
      // every reader counts the earliest.
      const first = await this.own<T>(key, submissionId, select);
      if (first) return first;
      throw new AppError('server', 'The item was added but could not be read back. Try again: nothing will be added twice.');
    } catch (raw) {
      const e = await toAppError(raw);
      if (!mayHaveWritten(e)) throw e;
      const written = await this.own<T>(key, submissionId, select).catch(() => undefined);
      if (written) return written;
      throw e;
    }
  }

  public submit(request: NewRequest): Promise<StoredRequest> {
    return guarded(async () => toRequest(await this.addOnce<RequestItem>('requests', request.submissionId, REQUEST_SELECT, {
      // The item's Title names the request ("New account: Northshire Housing (Instagram)"), so lists
      // of requests (comms' queue) read it without the form.
      [Title]: titleOf(request),
      [R.RequestType]: request.type,
      [R.SubmissionId]: request.submissionId,
      [R.Details]: request.details,
      [R.SubmittedAt]: new Date().toISOString(),
      ...(request.revisionOf !== undefined ? { [R.RevisionOf]: request.revisionOf } : {}),
      ...(request.withdrawn ? { [R.Withdrawn]: true } : {})
    })));
  }

  public mine(userId: number): Promise<RequestRecords> {
    return guarded(async () => {
      const requests = (await this.pages<RequestItem>('requests', `${AuthorId} eq ${odataNumber(userId)}`, REQUEST_SELECT)).map(toRequest);
      const originals = requests.filter((r) => r.revisionOf === undefined).map((r) => r.id);
      return { requests, ...(await this.verdictsFor(originals)) };
    });
  }

  public one(originalId: number): Promise<QueueRecords> {
    return guarded(async () => {
      // One $batch: the request, its revisions, the reviews and decisions the reader may see, and
      // who is in Comms and Comms Heads now (the state is judged against today's groups).
      const [batched, execute] = this.sp.batched();
      const original = this.list('requests', batched).items.filter(`${Id} eq ${odataNumber(originalId)}`).select(...REQUEST_SELECT).expand(Author)<RequestItem[]>();
      const revisions = this.list('requests', batched).items.filter(`${R.RevisionOf} eq ${odataNumber(originalId)}`).select(...REQUEST_SELECT).expand(Author).top(PAGE)<RequestItem[]>();
      const reviews = orNothing(this.list('reviews', batched).items.filter(`${V.RequestId} eq ${odataNumber(originalId)}`).select(...REVIEW_SELECT).expand(Author).top(PAGE)<ReviewItem[]>());
      const decisions = orNothing(this.list('decisions', batched).items.filter(`${D.RequestId} eq ${odataNumber(originalId)}`).select(...DECISION_SELECT).expand(Author).top(PAGE)<DecisionItem[]>());
      const groups = this.groupMembers(batched);
      await execute();
      const [comms, commsHeads] = await Promise.all(groups);
      return {
        requests: [...(await original), ...(await revisions)].map(toRequest),
        reviews: (await reviews).map(toReview),
        decisions: (await decisions).map(toDecision),
        comms: comms.map((u) => u.Id),
        commsHeads: commsHeads.map((u) => u.Id)
      };
    });
  }

  /** Who is in Comms and Comms Heads, as two requests of the caller's $batch. */
  private groupMembers(batched: SPFI): Promise<{ Id: number }[]>[] {
    return (['comms', 'commsHeads'] as const).map((g) => batched.web.siteGroups.getByName(GROUPS.find((x) => x.principal === g)!.title).users.select(PERSON.Id)<{ Id: number }[]>());
  }

  public async all(): Promise<RequestRecords> {
    const { requests, reviews, decisions } = await this.queue();
    return { requests, reviews, decisions };
  }

  public queue(): Promise<QueueRecords> {
    return guarded(async () => {
      const lists = [
        { key: 'requests' as const, select: REQUEST_INDEX_SELECT },
        { key: 'reviews' as const, select: REVIEW_INDEX_SELECT },
        { key: 'decisions' as const, select: DECISION_INDEX_SELECT }
      ];
      // One $batch: each list's newest id, its first Id windows (each narrowed by the Id range first,
      // so never refused by the list view threshold), and both groups' members. PnPjs splits a batch
      // every 20 requests unless told otherwise; SharePoint takes up to 100 in one.
      const [batched, execute] = this.sp.batched({ maxRequests: 100 });
      const newest = lists.map((l) => this.list(l.key, batched).items.select(Id).orderBy(Id, false).top(1)<{ Id: number }[]>());
      const windows = lists.map((l) => Array.from({ length: FIRST_WINDOWS }, (_, w) => this.window(l.key, batched, w * PAGE + 1, l.select)));
      const groups = this.groupMembers(batched);
      await execute();
      const rows = await Promise.all(lists.map(async (l, n) => {
        const found = (await Promise.all(windows[n])).flat();
        const [top] = await newest[n];
        // A list beyond the first windows (more than 60,000 items) is read on, five windows a $batch.
        for (let lo = FIRST_WINDOWS * PAGE + 1; top && lo <= top.Id; lo += PAGE * 5) {
          const [more, run] = this.sp.batched();
          const next = Array.from({ length: 5 }, (_, w) => this.window(l.key, more, lo + w * PAGE, l.select));
          await run();
          found.push(...(await Promise.all(next)).flat());
        }
        return found;
      }));
      const [comms, commsHeads] = await Promise.all(groups);
      return {
        requests: (rows[0] as RequestItem[]).map(toRequest),
        reviews: (rows[1] as ReviewItem[]).map(toReview),
        decisions: (rows[2] as DecisionItem[]).map(toDecision),
        comms: comms.map((u) => u.Id),
        commsHeads: commsHeads.map((u) => u.Id)
      };
    });
  }

  private window(key: 'requests' | 'reviews' | 'decisions', sp: SPFI, lo: number, select: string[]): Promise<unknown[]> {
    const query = this.list(key, sp).items.filter(`${Id} ge ${lo} and ${Id} lt ${lo + PAGE}`).select(...select).top(PAGE);
    return (select.some((f) => f.startsWith(`${Author}/`)) ? query.expand(Author) : query)
      // No per-row OData metadata: at 50,000 rows it is most of the bytes.
      .using(InjectHeaders({ Accept: 'application/json;odata=nometadata' }))<unknown[]>();
  }

  public review(review: NewReview): Promise<StoredReview> {
    return guarded(async () => {
      const item = await this.addOnce<ReviewItem>('reviews', review.submissionId, REVIEW_SELECT, {
        [Title]: `${review.outcome}: request ${review.requestId}`, [V.RequestId]: review.requestId, [V.Outcome]: review.outcome, [V.Message]: review.message, [V.SubmissionId]: review.submissionId
      });
      await this.openTo('reviews', item.Id, review.requesterId);
      return toReview(item);
    });
  }

  public decide(decision: NewDecision): Promise<StoredDecision> {
    return guarded(async () => {
      const item = await this.addOnce<DecisionItem>('decisions', decision.submissionId, DECISION_SELECT, {
        [Title]: `${decision.outcome}: request ${decision.requestId}`, [D.RequestId]: decision.requestId, [D.Outcome]: decision.outcome, [D.Reason]: decision.reason, [D.SubmissionId]: decision.submissionId
      });
      await this.openTo('decisions', item.Id, decision.requesterId);
      return toDecision(item);
    });
  }

  /** Opens one item to the requester alone (Read), keeping everyone else's access as the list gives it. */
  private async openTo(key: 'reviews' | 'decisions', itemId: number, requesterId: number): Promise<void> {
    const item = this.list(key).items.getById(itemId);
    await item.breakRoleInheritance(true, false);
    this.readerRoleId ??= this.sp.web.roleDefinitions.getByType(READER)<{ Id: number }>().then((d) => d.Id).catch((e: unknown) => { this.readerRoleId = undefined; throw e; });
    await item.roleAssignments.add(requesterId, await this.readerRoleId);
  }

  /** Reviews and decisions of these requests that the reader may see, a $batch per 50 requests. */
  private async verdictsFor(originalIds: number[]): Promise<Pick<RequestRecords, 'reviews' | 'decisions'>> {
    const reviews: StoredReview[] = [];
    const decisions: StoredDecision[] = [];
    for (let i = 0; i < originalIds.length; i += REQUESTS_PER_BATCH) {
      const [batched, execute] = this.sp.batched();
      const pending: Promise<void>[] = [];
      for (const id of originalIds.slice(i, i + REQUESTS_PER_BATCH)) {
        pending.push(orNothing(this.list('reviews', batched).items.filter(`${V.RequestId} eq ${odataNumber(id)}`).select(...REVIEW_SELECT).expand(Author).top(PAGE)<ReviewItem[]>())
          .then((found) => { reviews.push(...found.map(toReview)); }));
        pending.push(orNothing(this.list('decisions', batched).items.filter(`${D.RequestId} eq ${odataNumber(id)}`).select(...DECISION_SELECT).expand(Author).top(PAGE)<DecisionItem[]>())
          .then((found) => { decisions.push(...found.map(toDecision)); }));
      }
      await execute();
      await Promise.all(pending);
    }
    return { reviews, decisions };
  }

  /** Every item matching the filter, page by page (the filter's first clause must be indexed). */
  private async pages<T>(key: 'requests' | 'reviews' | 'decisions', filter: string | undefined, select: string[]): Promise<T[]> {
    const out: T[] = [];
    let query = this.list(key).items.select(...select).expand(Author).top(PAGE);
    if (filter) query = query.filter(filter);
    for await (const page of query) out.push(...(page as T[]));
    return out;
  }
}
