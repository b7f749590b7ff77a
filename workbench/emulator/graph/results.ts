// What every Graph endpoint of the emulator returns, before it is written to a socket or wrapped as
// a `$batch` part. Keeping one shape lets `$batch` call the same endpoint code as plain HTTP.
import { randomUUID } from 'node:crypto';

export interface GraphResult {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError?: Record<string, string> };
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): GraphResult {
  return { status, headers, body };
}

export function noContent(status = 204, headers: Record<string, string> = {}): GraphResult {
  return { status, headers };
}

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): GraphResult {
  return { status, headers, body: { error: { code, message } } satisfies GraphErrorBody };
}

/** The throttling answer, shaped like the documented example (concepts/throttling.md). */
export function tooManyRequests(retryAfterSeconds: number): GraphResult {
  return {
    status: 429,
    headers: { 'Retry-After': String(retryAfterSeconds) },
    body: { error: { code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', message: 'Please retry after', status: '429' } } }
  };
}

export function newRequestId(): string {
  return randomUUID();
}

/**
 * Graph stamps every error with the request ids and a date in `innerError`; the SDK's GraphError
 * reads `request-id` and `date` from there. Filled in last so endpoint code stays short.
 */
export function stampError(result: GraphResult, requestId: string, clientRequestId: string | undefined, now: Date): GraphResult {
  const body = result.body as GraphErrorBody | undefined;
  if (!body || typeof body !== 'object' || !('error' in body)) return result;
  const innerError: Record<string, string> = { ...(body.error.innerError ?? {}), date: now.toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId };
  if (clientRequestId) innerError['client-request-id'] = clientRequestId;
  return { ...result, body: { error: { ...body.error, innerError } } };
}

export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
