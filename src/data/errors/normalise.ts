import { AppError, ERROR_MESSAGES, SIGN_IN_REFUSED_MESSAGE, isAppError, type AppErrorKind, type ForbiddenReason } from '../../domain/errors';
import { kindForStatus } from './statusKinds';

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

// The status decides through the shared table; the service's text only refines it where SharePoint
// says more than its status (a duplicate is the person's input, not a conflict; a missing list means
// set-up has not run; the list view threshold arrives as a plain 500).
function kindFromStatus(status: number, serviceText: string): AppErrorKind {
  const kind = kindForStatus(status);
  if (kind === 'conflict' && /already exists|duplicate/i.test(serviceText)) return 'validation';
  // A unique column refusing a value arrives as a plain 500 (-2130575169, SPDuplicateValuesFoundException,
  // https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ee536748(v=office.14)):
  // it is about the value written, not a fault of the service, so the caller can say what clashed.
  if (kind === 'server' && /SPDuplicateValuesFoundException|duplicate values were found/i.test(serviceText)) return 'validation';
  if (kind === 'notFound' && /list '.*' does not exist/i.test(serviceText)) return 'notSetUp';
  if (kind === 'server' && /SPQueryThrottledException|list view threshold/i.test(serviceText)) return 'threshold';
  return kind;
}

// SharePoint answers 403 "Attempted to perform an unauthorized operation." when it does not accept
// the caller (no valid sign-in: https://github.com/pnp/pnpjs/issues/1830, and a disabled account
// cannot sign in), and "Access denied. You do not have permission …" when it knows the caller and
// refuses what they asked for (https://github.com/SharePoint/sp-dev-docs/issues/1746).
function forbiddenReason(serviceText: string): ForbiddenReason {
  return /Attempted to perform an unauthorized operation/i.test(serviceText) ? 'signIn' : 'denied';
}

/** SharePoint says `message: { value }`, Graph says `message: '...'`. */
interface ServiceErrorBody {
  message?: string | { value?: string };
}

/** SharePoint's `odata.error.code` ("-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException"). */
function serviceCode(body: string): string {
  try {
    const json = JSON.parse(body) as { 'odata.error'?: { code?: unknown }; error?: { code?: unknown } };
    const code = (json['odata.error'] ?? json.error)?.code;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}

/** Reads SharePoint's `odata.error.message.value` / verbose `error.message.value` or Graph's `error.message`. */
export function serviceMessage(body: string): string {
  try {
    const json = JSON.parse(body) as { 'odata.error'?: ServiceErrorBody; error?: ServiceErrorBody };
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
    let code = '';
    if (err.response?.text && !err.response.bodyUsed) {
      try {
        const body = await err.response.text();
        text = serviceMessage(body);
        code = serviceCode(body);
      } catch {
        text = '';
      }
    }
    if (!text) text = serviceMessage(err.message ?? '');
    const kind = kindFromStatus(status, `${code} ${text} ${err.message ?? ''}`);
    const reason = kind === 'forbidden' ? forbiddenReason(`${text} ${err.message ?? ''}`) : undefined;
    const message = kind === 'validation' && text ? text : reason === 'signIn' ? SIGN_IN_REFUSED_MESSAGE : ERROR_MESSAGES[kind];
    return new AppError(kind, message, { retryAfterSeconds: retryAfter(err), detail: `${status} ${code ? `${code}: ` : ''}${text}`.trim(), reason });
  }
  // The Graph SDK reports "no response arrived" as statusCode -1.
  if (typeof status === 'number' && status <= 0) {
    return new AppError('offline', ERROR_MESSAGES.offline, { detail: err.message || err.code });
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
