// Turns what Graph (or the network) said into the reason keys the app shows the sender. One place,
// so the notifier and any later Graph adapter agree on what "throttled" or "forbidden" means.
import { kindForStatus, type StatusKind } from '../errors/statusKinds';

// The reasons are the shared status table's kinds (src/data/errors/statusKinds.ts), the same ones the
// SharePoint path uses.
export type DeliveryFailureReason = StatusKind;

// Graph's 403 for a recipient the Teams app is not installed for ("… is not authorized to generate
// custom text notifications … Ensure that the expected Teams app is installed in the target scope"),
// as opposed to the 403 for a token without the permission ("Missing scope permissions …").
const APP_NOT_INSTALLED = /not authorized to generate custom text notifications|expected Teams app is installed/i;

export interface GraphFailure {
  /** HTTP status; 0 when no response arrived at all. */
  status: number;
  reason: DeliveryFailureReason;
  retryAfterSeconds?: number;
  code?: string;
  message?: string;
}

export function isAppNotInstalled(f: GraphFailure): boolean {
  return f.status === 403 && APP_NOT_INSTALLED.test(f.message ?? '');
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
  message?: string;
  headers?: { get(name: string): string | null };
}

/** From a thrown GraphError (any copy of the SDK) or a network error. */
export function failureFromError(error: unknown): GraphFailure {
  const e = (error ?? {}) as GraphErrorLike;
  // The SDK reports "no response" (fetch rejected: offline, DNS, refused) as statusCode -1.
  const raw = e.statusCode ?? e.status;
  const status = typeof raw === 'number' && raw > 0 ? raw : 0;
  const retryAfter = typeof e.headers?.get === 'function' ? parseRetryAfter(e.headers.get('Retry-After')) : undefined;
  return { status, reason: reasonForStatus(status), retryAfterSeconds: retryAfter, code: e.code ?? undefined, message: typeof e.message === 'string' ? e.message : undefined };
}

/** From a `$batch` part response, which arrives as data rather than as a thrown error. */
export function failureFromPart(part: { status: number; headers?: Record<string, string>; body?: unknown }): GraphFailure {
  const headers = part.headers ?? {};
  const retryHeader = Object.keys(headers).find((k) => k.toLowerCase() === 'retry-after');
  const error = (part.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return { status: part.status, reason: reasonForStatus(part.status), retryAfterSeconds: retryHeader ? parseRetryAfter(headers[retryHeader]) : undefined, code: error?.code, message: error?.message };
}
