// GET /me, /users/{id|upn}, /users: the directory as Graph shows it, with the query options the app
// and the SDK's PageIterator use ($select, $filter, $top, absolute @odata.nextLink).
import type { DirectoryUser } from '../directory';
import { contextUrl, findUser, requireScope, userNotFound, type GraphCall, type GraphEnv } from './call';
import { graphError, ok, type GraphResult } from './results';
import { parseSearch, searchNeedsEventual } from './search';

// Properties Graph v1.0 returns for a user when there is no $select.
const DEFAULT_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
const SELECTABLE = new Set([...DEFAULT_PROPERTIES, 'accountEnabled', 'department', 'userType']);
// The user's string properties a `$search` clause may name (displayName by tokens, the rest by prefix).
const SEARCHABLE = new Set(['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department']);
// User.ReadBasic.All reads only the "basic profile" of other people: display name, first and last
// name, e-mail, UPN, photo and id (permissions reference; learn.microsoft.com/en-us/answers/questions/285432).
// Everything else, accountEnabled included, needs User.Read.All. Asking for more with only the basic
// scope is refused: a $filter on accountEnabled answers 403 Authorization_RequestDenied
// "Insufficient privileges to complete the operation." (microsoftgraph/microsoft-graph-toolkit#2602);
// the emulator answers a $select of such a property the same way.
const BASIC_PROFILE = new Set(['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName']);
const FULL_PROFILE_SCOPES = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

export function beyondBasicProfile(env: GraphEnv, properties: string[]): GraphResult | undefined {
  if (FULL_PROFILE_SCOPES.some((s) => env.faults.grantedScopes.has(s))) return undefined;
  if (properties.every((p) => BASIC_PROFILE.has(p))) return undefined;
  return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

export function filterProperties(filter: string | null): string[] {
  if (!filter) return [];
  return [...filter.matchAll(/(?:^|\s|\()(\w+)\s+eq\s|startswith\(\s*(\w+)/gi)].map((m) => m[1] ?? m[2]);
}

export function toGraphUser(u: DirectoryUser): Record<string, unknown> {
  const [givenName, ...rest] = u.displayName.split(' ');
  return {
    businessPhones: [],
    displayName: u.displayName,
    givenName,
    jobTitle: u.jobTitle,
    mail: u.mail ?? u.upn,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-GB',
    surname: rest.join(' '),
    userPrincipalName: u.upn,
    id: u.id,
    accountEnabled: u.accountEnabled,
    department: u.department,
    userType: u.userType ?? 'Member'
  };
}

export function project(user: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  const keys = select ?? DEFAULT_PROPERTIES;
  return Object.fromEntries(keys.map((k) => [k, user[k]]));
}

export function parseSelect(call: GraphCall): string[] | GraphResult | undefined {
  const raw = call.query.get('$select');
  if (!raw) return undefined;
  const keys = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = keys.find((k) => !SELECTABLE.has(k));
  if (unknown) return graphError(400, 'BadRequest', `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`);
  return keys;
}

type Predicate = (u: Record<string, unknown>) => boolean;

/**
 * A small $filter subset joined by `and`: `prop eq value` (string, number, true/false) and
 * `startswith(prop,'text')`. Anything else is refused the way Graph refuses unsupported queries,
 * so a query the emulator cannot check is not silently treated as "match all".
 */
export function parseFilter(raw: string): Predicate | GraphResult {
  const clauses = raw.split(/\s+and\s+/i);
  const preds: Predicate[] = [];
  for (const clause of clauses) {
    const eq = /^\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(true|false)|(-?\d+))\s*$/i.exec(clause);
    if (eq && SELECTABLE.has(eq[1])) {
      const [, prop, str, bool, num] = eq;
      const value = str !== undefined ? str.replace(/''/g, "'") : bool !== undefined ? bool.toLowerCase() === 'true' : Number(num);
      preds.push((u) => (typeof value === 'string' && typeof u[prop] === 'string' ? (u[prop] as string).toLowerCase() === value.toLowerCase() : u[prop] === value));
      continue;
    }
    const sw = /^\s*startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i.exec(clause);
    if (sw && SELECTABLE.has(sw[1])) {
      const [, prop, prefix] = sw;
      preds.push((u) => String(u[prop] ?? '').toLowerCase().startsWith(prefix.replace(/''/g, "'").toLowerCase()));
      continue;
    }
    return graphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified: '${clause.trim()}'.`);
  }
  return (u) => preds.every((p) => p(u));
}

export function getUser(env: GraphEnv, call: GraphCall, idOrUpn: string | undefined): GraphResult {
  const denied = requireScope(env, 'User.Read', 'User.ReadBasic.All', 'User.Read.All');
  if (denied) return denied;
  const user = idOrUpn === undefined ? call.caller : findUser(env, idOrUpn);
  if (!user) return userNotFound(idOrUpn ?? '');
  const select = parseSelect(call);
  if (select && !Array.isArray(select)) return select;
  // The signed-in person's own profile is readable in full with any of the user scopes.
  if (user.id !== call.caller.id) {
    const refused = beyondBasicProfile(env, select ?? []);
    if (refused) return refused;
  }
  return ok({ '@odata.context': contextUrl(env, call, 'users/$entity'), ...project(toGraphUser(user), select) });
}

export function listUsers(env: GraphEnv, call: GraphCall): GraphResult {
  const denied = requireScope(env, 'User.ReadBasic.All', 'User.Read.All');
  if (denied) return denied;
  const select = parseSelect(call);
  if (select && !Array.isArray(select)) return select;
  const filter = call.query.get('$filter');
  const searched = [...(call.query.get('$search') ?? '').matchAll(/"(\w+):/g)].map((m) => m[1]);
  const refused = beyondBasicProfile(env, [...(select ?? []), ...filterProperties(filter), ...searched]);
  if (refused) return refused;
  const search = call.query.get('$search');
  if (search !== null) {
    const refusedSearch = searchNeedsEventual(call.headers);
    if (refusedSearch) return refusedSearch;
  }
  let users = env.ctx.directory.map(toGraphUser);
  if (filter) {
    const pred = parseFilter(filter);
    if (typeof pred !== 'function') return pred;
    users = users.filter(pred);
  }
  // $search and $filter together: a user must satisfy both (search-query-parameter, directory objects).
  if (search !== null) {
    const pred = parseSearch(search, SEARCHABLE);
    if (typeof pred !== 'function') return pred;
    users = users.filter(pred);
  }
  return pageOf(env, call, users, select, 'users', select ? `users(${select.join(',')})` : 'users');
}

/**
 * One page of a directory collection, the way Graph pages users and group members: `$top` 1–999
 * (default 100), an absolute nextLink with an opaque skip token, and `@odata.count` on request.
 * `$count=true` on directory objects needs `ConsistencyLevel: eventual`; without it Graph answers
 * 400 "$count is not currently supported." (microsoftgraph/microsoft-graph-docs#13142, #15067).
 */
export function pageOf(env: GraphEnv, call: GraphCall, rows: Record<string, unknown>[], select: string[] | undefined, path: string, context: string): GraphResult {
  const throttled = env.faults.injectedRead();
  if (throttled) return throttled;
  const counted = call.query.get('$count')?.toLowerCase() === 'true';
  if (counted && call.headers.consistencylevel?.toLowerCase() !== 'eventual') {
    return graphError(400, 'Request_BadRequest', '$count is not currently supported.');
  }
  const top = call.query.has('$top') ? Number(call.query.get('$top')) : 100;
  if (!Number.isInteger(top) || top < 1 || top > 999) {
    return graphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${call.query.get('$top')}'. Must be between 1 and 999 inclusive.`);
  }
  // The skip token is opaque to clients (the SDK follows nextLink verbatim): base64 of an offset.
  const token = call.query.get('$skiptoken');
  const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) || 0 : 0;
  const page = rows.slice(offset, offset + top);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(env, call, context) };
  if (counted && offset === 0) body['@odata.count'] = rows.length;
  if (offset + top < rows.length) {
    // Graph writes `$` literally in nextLinks; values are percent-encoded.
    const parts: string[] = [];
    for (const key of ['$select', '$filter', '$search', '$count']) if (call.query.has(key)) parts.push(`${key}=${encodeURIComponent(call.query.get(key)!)}`);
    parts.push(`$top=${top}`, `$skiptoken=${Buffer.from(String(offset + top), 'utf8').toString('base64url')}`);
    body['@odata.nextLink'] = `${env.ctx.origin()}/${call.version}/${path}?${parts.join('&')}`;
  }
  body.value = page.map((u) => project(u, select));
  return ok(body);
}
