// The SharePoint REST service of the emulator: resolves the caller, enforces digests, runs $batch
// parts through the same pipeline as top-level requests, and renders results in the dialect the
// client asked for. Also offers an in-process API for tests and seeding.
import type { ServerResponse } from 'node:http';
import type { DirectoryUser } from '../directory';
import type { EmulatorContext, EmulatorRequest, RequestHooks, RouteHandler } from '../types';
import { parseBatch, renderBatchResponse, type PartResponse } from './batch';
import { isoNow, type SpContext, type SpRequest, type SpResult } from './context';
import { DIGEST_TIMEOUT_SECONDS, isDigestValid, issueDigest } from './digest';
import { SpError, spErrors } from './errors';
import { createItem } from './items';
import { assertUnique, validateWrite } from './item-values';
import type { SiteState, SiteUserRecord } from './model';
import { Complex, contentTypeFor, modeFromAccept, renderError, renderPayload } from './odata-format';
import { parseSegments } from './path-segments';
import { Perm, has, inEveryoneClaim, principalFor, webMask, type Principal } from './permissions';
import { findUserByLogin } from './principals';
import { claimsLogin } from '../directory';
import { ensureDirectoryPerson } from './principals';
import { route } from './router';
import { hasForeignAuthorization } from '../identity';
import { assertExpandable } from './projection';
import { createSeedSite } from './seed';

export interface SharePointOptions {
  context: EmulatorContext;
  /** Server-relative path of the site, e.g. "/sites/hub". */
  sitePath: string;
  listViewThreshold(): number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Thrown by a batch part whose injected fault says to drop the connection. */
export class DropConnection extends Error {}

export interface SharePointService {
  handler: RouteHandler;
  /** The live site state (mutate only in tests, then call markDirty on the store). */
  site(): SiteState;
  /** A form digest for the person, e.g. for a fake SPFx page context. */
  issueDigest(upn: string): string;
  /**
   * Adds items without HTTP, validated like a POST (types, unique values), authored by `authorUpn`
   * (default: the site owner persona). For seeding large lists quickly.
   */
  bulkAddItems(listTitle: string, rows: Array<Record<string, unknown>>, authorUpn?: string): number[];
  /**
   * Site users for people outside the seeded directory (a large organisation's staff who have
   * visited the site), for tests and benches at scale; returns their site user ids.
   */
  addSyntheticStaff(count: number): number[];
  /** Site users for directory people (as if each had visited the site); returns their site user ids. */
  ensureSiteUsers(people: readonly DirectoryUser[]): number[];
  /** Like bulkAddItems, with each row written by the given site user (tests at scale only). */
  bulkAddItemsAs(listTitle: string, rows: Array<{ authorId: number; values: Record<string, unknown> }>): number[];
}

const STATE_KEY = 'sharepoint';

export function createSharePointService(opts: SharePointOptions): SharePointService {
  const { context } = opts;
  const sitePath = opts.sitePath.replace(/\/+$/, '');
  const apiPrefix = `${sitePath.toLowerCase()}/_api`;
  const site = (): SiteState => context.state.get<SiteState>(STATE_KEY, () => createSeedSite(context.directory));
  const dirty = () => context.state.markDirty();
  const webUrl = () => `${context.origin()}${sitePath}`;

  function errorResponse(err: SpError, accept: string | undefined): RawResponse {
    const mode = modeFromAccept(accept);
    return { status: err.status, headers: { 'Content-Type': contentTypeFor(mode), ...err.headers }, body: JSON.stringify(renderError(err, mode)) };
  }

  function render(result: SpResult, accept: string | undefined, apiUrl: string): RawResponse {
    const mode = modeFromAccept(accept);
    const json = renderPayload(result.payload, mode, apiUrl);
    const headers: Record<string, string> = { 'Content-Type': contentTypeFor(mode), ...(result.headers ?? {}) };
    return { status: result.status, headers, body: json === undefined || result.status === 204 ? '' : JSON.stringify(json) };
  }

  interface Incoming {
    method: string;
    url: URL;
    headers: Record<string, string | undefined>;
    body: Buffer;
    user?: DirectoryUser;
    hooks?: RequestHooks;
    inBatch: boolean;
  }

  /**
   * The caller as a principal. SharePoint adds a person to the site's users on a visit that gets in;
   * someone the site refuses leaves no entry behind, so they are only added once they may open it.
   */
  function callerPrincipal(state: SiteState, person: DirectoryUser): Principal {
    const login = claimsLogin(person.upn);
    const known = findUserByLogin(state, login);
    if (known) return principalFor(state, known, inEveryoneClaim(person));
    const visitor: SiteUserRecord = {
      Id: -1, LoginName: login, Title: person.displayName, Email: person.upn, UserPrincipalName: person.upn,
      IsSiteAdmin: false, PrincipalType: 1, IsHiddenInUI: false
    };
    const probe = principalFor(state, visitor, inEveryoneClaim(person));
    if (!has(webMask(state, probe), Perm.Open)) return probe;
    return principalFor(state, ensureDirectoryPerson(state, person, dirty), inEveryoneClaim(person));
  }

  async function execute(input: Incoming): Promise<RawResponse> {
    const accept = input.headers.accept;
    // A token the emulator did not issue is refused the way SharePoint Online refuses a bearer token
    // it cannot validate: 401 with an error_description, not the OData error shape
    // (https://github.com/SharePoint/sp-dev-docs/issues/5889, https://github.com/AzureAD/microsoft-identity-web/issues/1056;
    // the x-ms-diagnostics header as in https://github.com/SharePoint/sp-dev-docs/issues/7152).
    if (!input.inBatch && hasForeignAuthorization(input.headers)) {
      return {
        status: 401,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'WWW-Authenticate': `Bearer realm="${site().siteId}",client_id="00000003-0000-0ff1-ce00-000000000000"`,
          'x-ms-diagnostics': '3000006;reason="Token contains invalid signature.";category="invalid_client"'
        },
        body: JSON.stringify({ error_description: 'Invalid issuer or signature.' })
      };
    }
    try {
      if (!input.user) throw spErrors.unauthenticated();
      if (!input.user.accountEnabled) throw spErrors.accountDisabled();
      const tunnelled = input.headers['x-http-method'];
      const method = (input.method === 'POST' && tunnelled ? tunnelled : input.method).toUpperCase();
      const state = site();
      const who = callerPrincipal(state, input.user);
      const origin = input.url.origin;
      const web = `${origin}${sitePath}`;
      const apiUrl = `${web}/_api`;
      let apiPath: string;
      try {
        apiPath = decodeURIComponent(input.url.pathname.slice(apiPrefix.length));
      } catch {
        throw spErrors.invalidRequest('The request URL is not correctly percent-encoded.');
      }
      const segs = parseSegments(apiPath, input.url.searchParams);
      const first = segs[0]?.key;

      if (first === 'contextinfo' && segs.length === 1) {
        if (method !== 'POST') throw spErrors.methodNotAllowed(method, 'contextinfo');
        // No digest for someone the site refuses: they cannot open it.
        if (!has(webMask(state, who), Perm.Open)) throw spErrors.accessDenied();
        const value = new Complex('SP.ContextWebInformation', {
          FormDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS,
          FormDigestValue: issueDigest(state.digestSecret, input.user.upn),
          LibraryVersion: '16.0.0.0',
          SiteFullUrl: web,
          SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
          WebFullUrl: web
        });
        return render({ status: 200, payload: { kind: 'property', name: 'GetContextWebInformation', type: 'SP.ContextWebInformation', value } }, accept, apiUrl);
      }

      // SharePoint skips the digest for OAuth callers (here only the emulator's own bearer token gets
      // this far); batch parts ride on the outer request's digest.
      const safe = method === 'GET' || method === 'HEAD';
      if (!safe && !input.inBatch && !input.headers.authorization) {
        if (!isDigestValid(state.digestSecret, input.user.upn, input.headers['x-requestdigest'])) throw spErrors.securityValidation();
      }

      if (first === '$batch' && segs.length === 1) {
        if (method !== 'POST') throw spErrors.methodNotAllowed(method, '$batch');
        if (input.inBatch) throw spErrors.invalidRequest('A $batch cannot contain another $batch.');
        return await runBatch(input);
      }

      const req: SpRequest = { method, url: input.url, headers: input.headers, body: input.body };
      const ctx: SpContext = {
        site: state, origin, webUrl: web, apiUrl, req, query: input.url.searchParams, mode: modeFromAccept(accept),
        who, person: input.user, directory: context.directory,
        listViewThreshold: opts.listViewThreshold(), dirty
      };
      const result = route(ctx, segs);
      if (method === 'GET') assertExpandable(result.payload, input.url.searchParams);
      return render(result, accept, apiUrl);
    } catch (err) {
      if (err instanceof SpError) return errorResponse(err, accept);
      if (err instanceof DropConnection) throw err;
      console.error('[emulator] SharePoint handler failed', err);
      return errorResponse(new SpError(500, '-2146233088, System.InvalidOperationException', `Emulator error: ${(err as Error).message}`), accept);
    }
  }

  async function runBatch(input: Incoming): Promise<RawResponse> {
    const parts = parseBatch(input.headers['content-type'], input.body.toString('utf8'), new URL(`${input.url.origin}${sitePath}/`));
    const responses: PartResponse[] = [];
    // A part that draws "drop after": every part still runs (the server did the work), then the
    // connection goes without an answer, as a $batch whose response was lost.
    let dropAfterAll = false;
    for (const part of parts) {
      const line = `${part.method} ${part.url.pathname}${part.url.search}`;
      let raw: RawResponse;
      const fault = input.hooks?.takeFault(line);
      if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
      if (fault?.drop) throw new DropConnection();
      if (fault?.dropAfter) dropAfterAll = true;
      if (fault?.status) {
        raw = errorResponse(faultError(fault.status, fault.retryAfter), part.headers.accept);
      } else if (part.url.origin !== input.url.origin || !part.url.pathname.toLowerCase().startsWith(apiPrefix)) {
        raw = errorResponse(spErrors.invalidRequest(`The $batch part URL ${part.url.href} is not on this site's _api.`), part.headers.accept);
      } else {
        raw = await execute({
          method: part.method, url: part.url, headers: { ...part.headers, authorization: input.headers.authorization }, body: part.body,
          user: input.user, inBatch: true
        });
      }
      input.hooks?.logPart({ method: part.method, path: `${part.url.pathname}${part.url.search}`, status: raw.status });
      const headers: Record<string, string> = { 'CONTENT-TYPE': raw.headers['Content-Type'] };
      for (const h of ['ETag', 'Retry-After']) if (raw.headers[h]) headers[h] = raw.headers[h];
      responses.push({ status: raw.status, headers, body: raw.body });
    }
    if (dropAfterAll) throw new DropConnection();
    const out = renderBatchResponse(responses);
    return { status: 200, headers: { 'Content-Type': out.contentType }, body: out.body };
  }

  const handler: RouteHandler = async (req: EmulatorRequest, res: ServerResponse) => {
    const p = req.url.pathname.toLowerCase();
    if (!(p === apiPrefix || p.startsWith(`${apiPrefix}/`))) return false;
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : (v as string | undefined);
    let out: RawResponse;
    try {
      out = await execute({ method: req.method.toUpperCase(), url: req.url, headers, body: req.body, user: req.user, hooks: req.hooks, inBatch: false });
    } catch (err) {
      if (err instanceof DropConnection) { res.destroy(); return true; }
      throw err;
    }
    res.writeHead(out.status, out.headers);
    res.end(out.body);
    return true;
  };

  return {
    handler,
    site,
    issueDigest: (upn) => issueDigest(site().digestSecret, upn),
    bulkAddItems(listTitle, rows, authorUpn) {
      const state = site();
      const list = state.lists.find((l) => l.Title.toLowerCase() === listTitle.toLowerCase());
      if (!list) throw spErrors.listNotFound(listTitle, webUrl());
      const person = authorUpn
        ? context.directory.find((p) => p.upn.toLowerCase() === authorUpn.toLowerCase())
        : context.directory.find((p) => p.persona === 'siteOwner');
      if (!person) throw new Error(`bulkAddItems: no directory person ${authorUpn ?? '(site owner)'}`);
      const author = ensureDirectoryPerson(state, person, dirty);
      const hasUnique = list.fields.some((f) => f.EnforceUniqueValues);
      const ids: number[] = [];
      for (const row of rows) {
        const values = validateWrite(state, list, row);
        if (hasUnique) assertUnique(list, values, undefined);
        ids.push(createItem(state, list, author.Id, values).Id);
      }
      list.LastItemModifiedDate = isoNow();
      dirty();
      return ids;
    },
    ensureSiteUsers(people) {
      const state = site();
      const ids = people.map((p) => ensureDirectoryPerson(state, p, () => undefined).Id);
      dirty();
      return ids;
    },
    addSyntheticStaff(count) {
      const state = site();
      const ids: number[] = [];
      for (let n = 0; n < count; n++) {
        const id = state.nextPrincipalId++;
        const upn = `staff${String(id).padStart(6, '0')}@synthetic.example`;
        state.users.push({ Id: id, LoginName: `i:0#.f|membership|${upn}`, Title: `Staff member ${id}`, Email: upn, UserPrincipalName: upn, IsSiteAdmin: false, PrincipalType: 1, IsHiddenInUI: false });
        ids.push(id);
      }
      dirty();
      return ids;
    },
    bulkAddItemsAs(listTitle, rows) {
      const state = site();
      const list = state.lists.find((l) => l.Title.toLowerCase() === listTitle.toLowerCase());
      if (!list) throw spErrors.listNotFound(listTitle, webUrl());
      const known = new Set(state.users.map((u) => u.Id));
      const ids = rows.map(({ authorId, values }) => {
        if (!known.has(authorId)) throw new Error(`bulkAddItemsAs: no site user ${authorId}`);
        return createItem(state, list, authorId, validateWrite(state, list, values)).Id;
      });
      list.LastItemModifiedDate = isoNow();
      dirty();
      return ids;
    }
  };
}

/** An injected fault rendered the way SharePoint reports throttling and outages. */
export function faultError(status: number, retryAfter?: number): SpError {
  const headers: Record<string, string> = retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {};
  if (status === 429) return new SpError(429, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'The request has been throttled. Please retry after the time given in Retry-After.', headers);
  if (status === 503) return new SpError(503, '-2147024860, Microsoft.SharePoint.SPServerBusyException', 'The server is busy. Please retry after the time given in Retry-After.', headers);
  return new SpError(status, '-2146233088, System.InvalidOperationException', `Injected fault: HTTP ${status}.`, headers);
}
