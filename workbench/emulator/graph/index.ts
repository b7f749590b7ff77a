// Microsoft Graph emulation, mounted at the root of the emulator's origin: `/v1.0/...`, `/beta/...`
// (the Graph SDK takes the first path segment after the host as the version, so Graph must live at
// an origin root) and the control plane under `/__emulator/graph/...`.
import type { ServerResponse } from 'node:http';
import type { EmulatorContext, EmulatorRequest, RouteHandler } from '../types';
import type { GraphCall, GraphEnv } from './call';
import { CONTROL_PREFIX, handleControl } from './control';
import { DEFAULT_ACTIVITY_BUDGET, DEFAULT_GRANTED_SCOPES, GraphFaults, type ActivityBudget } from './faults';
import { TeamsAppInstallations } from './installations';
import { JSON_CONTENT_TYPE, graphError, newRequestId, stampError, type GraphResult } from './results';
import { dispatch } from './router';
import { GraphStore } from './store';
import { loadTeamsManifest, teamsAppInfo, type TeamsManifestLike } from './teamsApp';

export { SEED_TEAMS } from './channels';
export type { GraphFaultSwitches, ActivityBudget } from './faults';
export type { FeedNotification } from './store';

export interface GraphEmulatorOptions {
  /** The Teams app manifest; default: teams/manifest.json of this project. */
  manifest?: TeamsManifestLike;
  /** Default: about 5 activity-notification requests per second; null disables the budget. */
  activityBudget?: ActivityBudget | null;
  /** Scopes of the emulated delegated token (default: those config/package-solution.json requests). */
  grantedScopes?: string[];
  now?: () => number;
}

const VERSION_PATH = /^\/(v1\.0|beta)(?:\/(.*))?$/i;

function write(res: ServerResponse, result: GraphResult, requestId: string, clientRequestId: string | undefined): void {
  const headers: Record<string, string> = { 'request-id': requestId, ...(result.headers ?? {}) };
  if (clientRequestId) headers['client-request-id'] = clientRequestId;
  if (result.body === undefined) {
    res.writeHead(result.status, headers);
    res.end();
    return;
  }
  headers['Content-Type'] = JSON_CONTENT_TYPE;
  res.writeHead(result.status, headers);
  res.end(JSON.stringify(result.body));
}

function lowerHeaders(req: EmulatorRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers as Record<string, string | string[] | undefined>)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export function createGraphHandler(ctx: EmulatorContext, options: GraphEmulatorOptions = {}): RouteHandler {
  const now = options.now ?? Date.now;
  const env: GraphEnv = {
    ctx,
    app: teamsAppInfo(options.manifest ?? loadTeamsManifest()),
    store: new GraphStore(ctx.state),
    faults: new GraphFaults(
      {
        grantedScopes: options.grantedScopes ?? DEFAULT_GRANTED_SCOPES,
        activityBudget: options.activityBudget === undefined ? DEFAULT_ACTIVITY_BUDGET : options.activityBudget
      },
      now
    ),
    installations: new TeamsAppInstallations(() => ctx.directory),
    now
  };

  return async (req, res) => {
    const path = req.url.pathname;
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) return handleControl(env, req, res);

    const match = VERSION_PATH.exec(path);
    if (!match) return false;

    const requestId = newRequestId();
    const headers = lowerHeaders(req);
    const clientRequestId = headers['client-request-id'];
    const answer = (result: GraphResult) => write(res, stampError(result, requestId, clientRequestId, new Date(now())), requestId, clientRequestId);

    if (!req.user) {
      answer(graphError(401, 'InvalidAuthenticationToken', 'Access token is empty. Send "Authorization: Bearer emulator:<upn>".'));
      return true;
    }

    let body: unknown;
    if (req.body.length) {
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        answer(graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'));
        return true;
      }
    }

    const call: GraphCall = {
      method: req.method.toUpperCase(),
      version: match[1].toLowerCase() === 'beta' ? 'beta' : 'v1.0',
      segments: (match[2] ?? '').split('/').filter(Boolean).map((seg) => decodeURIComponent(seg)),
      query: req.url.searchParams,
      headers,
      body,
      caller: req.user,
      inBatch: false
    };
    const result = await dispatch(env, call);
    // Parts of a batch carry their own request ids in their errors, like Graph's.
    if (call.segments[0] === '$batch' && result.status === 200) {
      const batch = result.body as { responses: { body?: unknown; status: number }[] };
      for (const part of batch.responses) {
        part.body = stampError({ status: part.status, body: part.body }, newRequestId(), clientRequestId, new Date(now())).body;
      }
    }
    answer(result);
    return true;
  };
}
