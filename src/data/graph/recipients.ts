// The bulk notification endpoint takes Entra object ids only, while the app often knows people by
// UPN (their SharePoint e-mail). UPNs are looked up 20 at a time with one `$batch` each; parts that
// Graph throttles are asked again after their Retry-After (the SDK never retries batch parts).
import type { GraphLike } from './graphLike';
import { failureFromPart, type GraphFailure } from './failures';
import type { RetryPolicy } from './retry';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BATCH_LIMIT = 20;

export function isObjectId(value: string): boolean {
  return GUID.test(value);
}

export interface Resolution {
  /** recipient as given → Entra object id */
  ids: Map<string, string>;
  /** recipients Graph says do not exist (or cannot be seen) */
  failed: Map<string, GraphFailure>;
  /** recipients that could not be looked up now; the per-user endpoint accepts their UPN directly */
  unresolved: string[];
}

interface BatchResponse {
  responses: { id: string; status: number; headers?: Record<string, string>; body?: { id?: string } }[];
}

export async function resolveRecipients(graph: GraphLike, recipients: string[], policy: RetryPolicy): Promise<Resolution> {
  const result: Resolution = { ids: new Map(), failed: new Map(), unresolved: [] };
  let pending: string[] = [];
  for (const r of recipients) {
    if (isObjectId(r)) result.ids.set(r, r);
    else pending.push(r);
  }

  for (let attempt = 1; pending.length && attempt <= policy.maxAttempts; attempt++) {
    const retryLater: string[] = [];
    let wait = 0;
    for (let i = 0; i < pending.length; i += BATCH_LIMIT) {
      const chunk = pending.slice(i, i + BATCH_LIMIT);
      // Part URLs are relative to the version root: "/v1.0/users/…" inside a part is a 400 on Graph.
      const requests = chunk.map((upn, n) => ({ id: String(n), method: 'GET', url: `/users/${encodeURIComponent(upn)}?$select=id` }));
      let response: BatchResponse;
      try {
        response = (await graph.api('/$batch').post({ requests })) as BatchResponse;
      } catch {
        // No lookup possible (offline, forbidden, throttled as a whole): let per-user sending decide.
        result.unresolved.push(...chunk);
        continue;
      }
      for (const part of response.responses) {
        const upn = chunk[Number(part.id)];
        if (upn === undefined) continue;
        if (part.status === 200 && part.body?.id) {
          result.ids.set(upn, part.body.id);
          continue;
        }
        const failure = failureFromPart(part);
        if (failure.status === 429) {
          retryLater.push(upn);
          wait = Math.max(wait, failure.retryAfterSeconds ?? policy.defaultWaitSeconds);
        } else if (failure.status === 404) {
          result.failed.set(upn, failure);
        } else {
          result.unresolved.push(upn);
        }
      }
    }
    pending = retryLater;
    if (pending.length && attempt < policy.maxAttempts && wait <= policy.maxWaitSeconds) await policy.sleep(wait * 1000);
    else if (pending.length) break;
  }
  result.unresolved.push(...pending);
  return result;
}
