import { AppError, ERROR_MESSAGES, isAppError, type AppErrorKind } from '../../domain/errors';

// The one place where SharePoint (PnPjs HttpRequestError) and Graph (GraphError) failures become
// AppErrors. Everything above the data layer only ever sees AppError.

interface HttpLikeError {
  isHttpRequestError?: boolean;
  status?: number;
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get(name: string): string | null }; text?: () => Promise<string>; bodyUsed?: boolean };
  headers?: { get?(name: string): string | null };
}

function kindFromStatus(status: number, serviceText: string): AppErrorKind {
  if (status === 429 || status === 503) return 'throttled';
  if (status === 412 || status === 409) return /already exists|duplicate/i.test(serviceText) ? 'validation' : 'conflict';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return /list '.*' does not exist/i.test(serviceText) ? 'notSetUp' : 'notFound';
  if (status === 400 || status === 413) return 'validation';
  if (/SPQueryThrottledException|list view threshold/i.test(serviceText)) return 'threshold';
  return 'server';
}

/** Reads SharePoint's `odata.error.message.value` / verbose `error.message.value` or Graph's `error.message`. */
export function serviceMessage(body: string): string {
  try {
    const json = JSON.parse(body) as Record<string, any>;
    const err = json['odata.error'] ?? json.error;
    if (err) return typeof err.message === 'string' ? err.message : String(err.message?.value ?? '');
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 500);
}

function retryAfter(e: HttpLikeError): number | undefined {
  const raw = e.response?.headers?.get('Retry-After') ?? e.headers?.get?.('Retry-After') ?? null;
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

export async function toAppError(e: unknown): Promise<AppError> {
  if (isAppError(e)) return e;
  const err = (e ?? {}) as HttpLikeError;
  const status = err.status ?? err.statusCode;
  if (typeof status === 'number' && status > 0) {
    let text = '';
    if (err.response?.text && !err.response.bodyUsed) {
      try {
        text = serviceMessage(await err.response.text());
      } catch {
        text = '';
      }
    }
    if (!text) text = serviceMessage(err.message ?? '');
    const kind = kindFromStatus(status, `${text} ${err.message ?? ''}`);
    const message = kind === 'validation' && text ? text : ERROR_MESSAGES[kind];
    return new AppError(kind, message, { retryAfterSeconds: retryAfter(err), detail: `${status} ${text}`.trim() });
  }
  if (e instanceof TypeError || /network|fetch|ECONNREFUSED|socket/i.test(err.message ?? '')) {
    return new AppError('offline', ERROR_MESSAGES.offline, { detail: err.message });
  }
  return new AppError('server', ERROR_MESSAGES.server, { detail: err.message ?? String(e) });
}

/** Runs a data call and rethrows any failure as an AppError. */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw await toAppError(e);
  }
}
