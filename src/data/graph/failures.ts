// Turns what Graph (or the network) said into the reason keys the app shows the sender. One place,
// so the notifier and any later Graph adapter agree on what "throttled" or "forbidden" means.
import { kindForStatus, type StatusKind } from '../errors/statusKinds';

// The reasons are the shared status table's kinds (src/data/errors/statusKinds.ts), the same ones the
// SharePoint path uses.
export type DeliveryFailureReason = StatusKind;

export interface GraphFailure {
  /** HTTP status; 0 when no response arrived at all. */
  status: number;
  reason: DeliveryFailureReason;
  retryAfterSeconds?: number;
  code?: string;
}

export function reasonForStatus(status: number): DeliveryFailureReason {
  return kindForStatus(status);
}

/** Retry-After is seconds or an HTTP date (RFC 9110); anything else is ignored. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

interface GraphErrorLike {
  statusCode?: number;
  /** PnPjs' HttpRequestError says `status`; accepted so either error shape maps the same way. */
  status?: number;
  code?: string | null;
  headers?: { get(name: string): string | null };
}

/** From a thrown GraphError (any copy of the SDK) or a network error. */
export function failureFromError(error: unknown): GraphFailure {
  const e = (error ?? {}) as GraphErrorLike;
  // The SDK reports "no response" (fetch rejected: offline, DNS, refused) as statusCode -1.
  const raw = e.statusCode ?? e.status;
  const status = typeof raw === 'number' && raw > 0 ? raw : 0;
  const retryAfter = typeof e.headers?.get === 'function' ? parseRetryAfter(e.headers.get('Retry-After')) : undefined;
  return { status, reason: reasonForStatus(status), retryAfterSeconds: retryAfter, code: e.code ?? undefined };
}

/** From a `$batch` part response, which arrives as data rather than as a thrown error. */
export function failureFromPart(part: { status: number; headers?: Record<string, string>; body?: unknown }): GraphFailure {
  const headers = part.headers ?? {};
  const retryHeader = Object.keys(headers).find((k) => k.toLowerCase() === 'retry-after');
  const code = (part.body as { error?: { code?: string } } | undefined)?.error?.code;
  return { status: part.status, reason: reasonForStatus(part.status), retryAfterSeconds: retryHeader ? parseRetryAfter(headers[retryHeader]) : undefined, code };
}
