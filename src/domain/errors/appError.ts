// The one error type the UI sees. The data layer's normaliser turns SharePoint and Graph failures
// into it; the UI shows the message for its kind, never a raw stack or an OData blob.

export type AppErrorKind =
  | 'throttled'
  | 'conflict'
  | 'forbidden'
  | 'notFound'
  | 'validation'
  | 'offline'
  | 'threshold'
  | 'notSetUp'
  | 'server';

/**
 * Why SharePoint refused, where its answer says more than the status: `signIn` when it would not
 * accept the caller at all ("Attempted to perform an unauthorized operation.", its answer to a
 * disabled account, someone outside the directory, or nobody signed in), `denied` when it knew the
 * caller and refused the site, a list or an action ("Access denied. …").
 */
export type ForbiddenReason = 'signIn' | 'denied';

/** Kinds a person can simply try again after (their work is kept). */
const RETRYABLE: ReadonlySet<AppErrorKind> = new Set(['throttled', 'offline', 'server', 'conflict']);

export class AppError extends Error {
  public readonly kind: AppErrorKind;
  /** Seconds the service asked us to wait, when it said. */
  public readonly retryAfterSeconds?: number;
  /** The service's own text, kept for logs and support, not shown as the headline. */
  public readonly detail?: string;
  /** Only for `forbidden`: whether SharePoint refused the account itself or what it asked for. */
  public readonly reason?: ForbiddenReason;

  public constructor(kind: AppErrorKind, message: string, options: { retryAfterSeconds?: number; detail?: string; reason?: ForbiddenReason } = {}) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.detail = options.detail;
    this.reason = options.reason;
  }

  public get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
