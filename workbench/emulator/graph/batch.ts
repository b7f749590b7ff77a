// POST /$batch (JSON batching): up to 20 parts, each run through the same router as a standalone
// request, answered together with outer status 200 whatever the parts returned.
// Strict where the SDK is known to go wrong: graph-client 3.0.7's BatchRequestContent keeps
// "/v1.0" in part URLs and real Graph answers such a part 400 (research/emulation.md §3.4), so the
// emulator does too and a test catches it here rather than in production.
import type { GraphCall, GraphEnv } from './call';
import { graphError, type GraphResult } from './results';

const BATCH_LIMIT = 20;

interface BatchPart {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface PartResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function partResponse(id: string, result: GraphResult): PartResponse {
  const headers: Record<string, string> = { ...(result.headers ?? {}) };
  if (result.body !== undefined) headers['Content-Type'] = 'application/json';
  const out: PartResponse = { id, status: result.status, headers };
  if (result.body !== undefined) out.body = result.body;
  return out;
}

function validateEnvelope(body: unknown): BatchPart[] | GraphResult {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) return graphError(400, 'BadRequest', 'Invalid batch payload format: a "requests" array is required.');
  if (requests.length === 0) return graphError(400, 'BadRequest', 'A batch request must contain at least one request.');
  if (requests.length > BATCH_LIMIT) return graphError(400, 'BadRequest', `The number of batch requests ${requests.length} exceeds the limit of ${BATCH_LIMIT}.`);
  const ids = new Set<string>();
  for (const r of requests as BatchPart[]) {
    if (typeof r?.id !== 'string' || !r.id || typeof r.method !== 'string' || typeof r.url !== 'string') {
      return graphError(400, 'BadRequest', 'Each batch request needs a string id, method and url.');
    }
    if (ids.has(r.id)) return graphError(400, 'BadRequest', `Duplicate batch request id '${r.id}'.`);
    ids.add(r.id);
  }
  for (const r of requests as BatchPart[]) {
    for (const dep of r.dependsOn ?? []) {
      if (!ids.has(dep)) return graphError(400, 'BadRequest', `Batch request '${r.id}' depends on unknown request '${dep}'.`);
    }
  }
  return requests as BatchPart[];
}

/** Turns a part into a call, or answers it directly when its URL or headers are unacceptable. */
function toCall(parent: GraphCall, part: BatchPart): GraphCall | GraphResult {
  if (/^[a-z]+:\/\//i.test(part.url)) return graphError(400, 'BadRequest', 'Batch request URLs must be relative to the version root, e.g. "/users/{id}".');
  const url = new URL(part.url.replace(/^\/?/, '/'), 'http://batch.invalid');
  const segments = url.pathname.split('/').filter(Boolean).map((seg) => decodeURIComponent(seg));
  // A version segment inside a part is what the SDK bug produces; Graph resolves it as a resource.
  if (segments[0] && /^(v1\.0|beta)$/i.test(segments[0])) return graphError(400, 'BadRequest', `Resource not found for the segment '${segments[0]}'.`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (part.body !== undefined && !headers['content-type']) return graphError(400, 'BadRequest', 'Write request id : ' + part.id + ' does not contain Content-Type header or body.');
  let body = part.body;
  // A JSON body may also arrive base64-encoded or as a string; accept the string form.
  if (typeof body === 'string' && /json/i.test(headers['content-type'] ?? '')) {
    try {
      body = JSON.parse(body);
    } catch {
      return graphError(400, 'BadRequest', `Batch request '${part.id}' has a body that is not valid JSON.`);
    }
  }
  return { method: part.method.toUpperCase(), version: parent.version, segments, query: url.searchParams, headers, body, caller: parent.caller, inBatch: true };
}

export async function runBatch(env: GraphEnv, call: GraphCall, run: (part: GraphCall) => Promise<GraphResult>): Promise<GraphResult> {
  const parts = validateEnvelope(call.body);
  if (!Array.isArray(parts)) return parts;
  void env;

  const done = new Map<string, PartResponse>();
  const pending = [...parts];
  // Parts run one after another in an order that honours dependsOn (Graph may run independent parts
  // in parallel; sequential is a valid schedule and keeps the emulator deterministic).
  while (pending.length) {
    const index = pending.findIndex((p) => (p.dependsOn ?? []).every((d) => done.has(d)));
    if (index < 0) return graphError(400, 'BadRequest', 'The dependsOn graph of the batch contains a cycle.');
    const [part] = pending.splice(index, 1);
    const failedDep = (part.dependsOn ?? []).find((d) => done.get(d)!.status >= 400);
    if (failedDep) {
      done.set(part.id, partResponse(part.id, graphError(424, 'FailedDependency', `Request '${part.id}' was not run because request '${failedDep}' failed.`)));
      continue;
    }
    const sub = toCall(call, part);
    const result = 'status' in sub ? sub : await run(sub);
    done.set(part.id, partResponse(part.id, result));
  }
  return { status: 200, body: { responses: parts.map((p) => done.get(p.id)!) } };
}
