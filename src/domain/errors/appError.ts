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

/** Kinds a person can simply try again after (their work is kept). */
const RETRYABLE: ReadonlySet<AppErrorKind> = new Set(['throttled', 'offline', 'server', 'conflict']);

export class AppError extends Error {
  public readonly kind: AppErrorKind;
  /** Seconds the service asked us to wait, when it said. */
  public readonly retryAfterSeconds?: number;
  /** The service's own text, kept for logs and support, not shown as the headline. */
  public readonly detail?: string;

  public constructor(kind: AppErrorKind, message: string, options: { retryAfterSeconds?: number; detail?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.detail = options.detail;
  }

  public get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
