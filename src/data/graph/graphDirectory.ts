// IDirectory on Microsoft Graph: the policy's audience, read page by page.
//
// - Everyone: `GET /users` filtered to enabled members (guests are not staff), 999 a page, the most
//   Graph serves (https://learn.microsoft.com/en-us/graph/api/user-list: $top 1–999).
// - A group: `GET /groups/{id}/transitiveMembers/microsoft.graph.user`, so people in nested groups
//   count and devices or service principals never do. Needs GroupMember.Read.All
//   (https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers). Disabled accounts
//   are dropped here: a leaver still in the group is not someone to remind.
// - Both ask for `$count=true` with `ConsistencyLevel: eventual`, so the first page says how many
//   there are and progress can show "1,998 of 5,400". Graph refuses `$count` on directory objects
//   without that header (400 "$count is not currently supported.", microsoftgraph/microsoft-graph-docs#13142),
//   and the OData cast on members is an advanced query in some tenants (learn.microsoft.com/en-us/answers/questions/447359).
// - `accountEnabled` and `department` are outside the basic profile: User.Read.All (already asked for
//   by the notifier) lets the hub read them.
// - The people picker: `$search` on displayName (words starting with what was typed) or mail (the
//   address starting with it), which Graph serves only as an advanced query (ConsistencyLevel:
//   eventual, https://learn.microsoft.com/en-us/graph/search-query-parameter#use-search-on-directory-object-collections),
//   ANDed with the same enabled-members $filter, $select of what the picker shows and a small $top.
//   Inside a clause `"` and `\` are escaped with a backslash (same page); `&` is dropped, because
//   Graph's directory search fails on an encoded ampersand (known issue linked from that page).
// - Throttled pages are asked again after Graph's Retry-After; anything else becomes an AppError with
//   a message that says what to do.
import { AppError, type AppErrorKind } from '../../domain/errors';
import type { AudienceProgress, DirectoryPerson, IDirectory, IPeopleDirectory, PersonStanding } from '../../services/ports/directory';
import type { GraphLike } from './graphLike';
import { realSleep, withRetry, type RetryPolicy } from './retry';
import type { GraphFailure } from './failures';

const SELECT = 'id,displayName,userPrincipalName,mail,department,accountEnabled,userType';
const PAGE_SIZE = 999;
/** What the picker shows (name, address) and needs to store the person. */
const PICKER_SELECT = 'id,displayName,userPrincipalName,mail';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GraphUser {
  id?: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  department?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
}

interface GraphPage {
  value?: GraphUser[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

export interface GraphDirectoryOptions {
  /** Attempts per page when throttled (default 4). */
  maxAttempts?: number;
  /** Longest Retry-After worth waiting for (default 60 s). */
  maxWaitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A nextLink as a path below the version root: the SDK's api() only parses absolute https URLs. */
export function relativeToVersion(nextLink: string): string {
  const m = /\/(?:v1\.0|beta)(\/.*)$/.exec(nextLink);
  if (!m) throw new AppError('server', 'The directory answered with a next page the hub cannot follow.', { detail: nextLink });
  return m[1];
}

function toPerson(u: GraphUser): DirectoryPerson | undefined {
  if (!u.id || !u.userPrincipalName) return undefined;
  return { id: u.id, name: u.displayName || u.userPrincipalName, upn: u.userPrincipalName, mail: u.mail || undefined, department: u.department?.trim() || undefined };
}

function problem(f: GraphFailure, groupId: string | undefined): AppError {
  const options = { retryAfterSeconds: f.retryAfterSeconds, detail: [f.code, f.message].filter(Boolean).join(': ') || undefined };
  if (f.status === 404 && groupId) return new AppError('notFound', 'The group chosen as the policy\'s audience no longer exists. Choose another group in set-up, or leave it empty for everyone.', options);
  if (f.status === 403) return new AppError('forbidden', 'The hub cannot read the directory yet: an administrator must approve its Microsoft Graph permissions (User.Read.All, GroupMember.Read.All) in the SharePoint admin centre.', options);
  const kind: AppErrorKind = f.reason;
  return new AppError(kind, kind === 'throttled' ? 'The directory is busy. Try again in a minute.' : 'The directory could not be read just now. Try again.', options);
}

export class GraphDirectory implements IDirectory, IPeopleDirectory {
  private readonly policy: RetryPolicy;
  /** Someone is typing: one short wait at most, then say the directory is busy and keep their text. */
  private readonly pickerPolicy: RetryPolicy;

  public constructor(private readonly graph: GraphLike, options: GraphDirectoryOptions = {}) {
    this.policy = { maxAttempts: Math.max(1, options.maxAttempts ?? 4), maxWaitSeconds: options.maxWaitSeconds ?? 60, defaultWaitSeconds: 5, sleep: options.sleep ?? realSleep };
    this.pickerPolicy = { ...this.policy, maxAttempts: Math.min(this.policy.maxAttempts, 2), maxWaitSeconds: Math.min(this.policy.maxWaitSeconds, 5) };
  }

  public async audience(groupId: string | undefined, onProgress: (p: AudienceProgress) => void = () => undefined): Promise<DirectoryPerson[]> {
    const group = groupId?.trim() || undefined;
    if (group && !GUID.test(group)) throw new AppError('validation', 'The audience group in set-up is not a group id (a GUID). Fix it in set-up.');
    let path: string | undefined = group
      ? `/groups/${encodeURIComponent(group)}/transitiveMembers/microsoft.graph.user?$select=${SELECT}&$top=${PAGE_SIZE}&$count=true`
      : `/users?$select=${SELECT}&$filter=${encodeURIComponent("accountEnabled eq true and userType eq 'Member'")}&$top=${PAGE_SIZE}&$count=true`;
    const people = new Map<string, DirectoryPerson>();
    let total: number | undefined;
    let read = 0;
    while (path) {
      const request: string = path;
      const page: Awaited<ReturnType<typeof withRetry<GraphPage>>> = await withRetry(this.policy, () => this.graph.api(request).header('ConsistencyLevel', 'eventual').get() as Promise<GraphPage>);
      if (!page.ok) throw problem(page.failure, group);
      const body: GraphPage = page.value ?? {};
      if (typeof body['@odata.count'] === 'number') total = body['@odata.count'];
      read += body.value?.length ?? 0;
      for (const u of body.value ?? []) {
        // Members of a group can be guests or leavers; the audience is the organisation's enabled staff.
        if (u.accountEnabled === false || (u.userType && u.userType !== 'Member')) continue;
        const p = toPerson(u);
        if (p) people.set(p.id.toLowerCase(), p);
      }
      // Progress counts rows read, so it reaches the total even when leavers or guests are dropped.
      onProgress({ loaded: read, total });
      const next: string | undefined = body['@odata.nextLink'];
      path = next ? relativeToVersion(next) : undefined;
    }
    return [...people.values()];
  }

  public async groupName(groupId: string): Promise<string | undefined> {
    if (!GUID.test(groupId.trim())) return undefined;
    const got = await withRetry(this.policy, () => this.graph.api(`/groups/${encodeURIComponent(groupId.trim())}?$select=id,displayName`).get() as Promise<{ displayName?: string }>);
    if (got.ok) return got.value?.displayName ?? undefined;
    if (got.failure.status === 404) return undefined;
    throw problem(got.failure, undefined);
  }

  public async searchPeople(text: string, top: number): Promise<DirectoryPerson[]> {
    const words = text.replace(/&/g, ' ').replace(/\s+/g, ' ').trim();
    if (!words) return [];
    const quoted = words.replace(/["\\]/g, (c) => `\\${c}`);
    const search = `"displayName:${quoted}" OR "mail:${quoted}"`;
    const filter = "accountEnabled eq true and userType eq 'Member'";
    const path = `/users?$search=${encodeURIComponent(search)}&$filter=${encodeURIComponent(filter)}&$select=${PICKER_SELECT}&$top=${Math.max(1, Math.min(top, 25))}`;
    const got = await withRetry(this.pickerPolicy, () => this.graph.api(path).header('ConsistencyLevel', 'eventual').get() as Promise<GraphPage>);
    if (!got.ok) throw problem(got.failure, undefined);
    return (got.value?.value ?? []).map(toPerson).filter((p): p is DirectoryPerson => !!p);
  }

  public async personByEmail(email: string): Promise<PersonStanding> {
    const address = email.trim();
    if (!address) return { kind: 'unknown' };
    // OData doubles a quote inside a string literal, so an address can never widen the filter.
    const literal = `'${address.replace(/'/g, "''")}'`;
    for (const prop of ['mail', 'userPrincipalName']) {
      const path = `/users?$filter=${encodeURIComponent(`${prop} eq ${literal}`)}&$select=${SELECT}&$top=2`;
      const got = await withRetry(this.pickerPolicy, () => this.graph.api(path).get() as Promise<GraphPage>);
      if (!got.ok) throw problem(got.failure, undefined);
      const u = got.value?.value?.[0];
      const person = u && toPerson(u);
      if (!u || !person) continue;
      if (u.accountEnabled === false) return { kind: 'disabled', person };
      if (u.userType && u.userType !== 'Member') return { kind: 'guest', person };
      return { kind: 'member', person };
    }
    return { kind: 'unknown' };
  }
}
