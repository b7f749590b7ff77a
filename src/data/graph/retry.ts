// Bounded retry for Graph calls that Graph asked us to repeat later (429, or 503 with Retry-After).
// The Graph client's own RetryHandler may already have retried; this layer exists because the
// notifier must end with an answer per recipient instead of an exception, and because batch parts
// are never retried by the SDK. The sleep is injected so tests never wait.
import { failureFromError, type GraphFailure } from './failures';

export interface RetryPolicy {
  /** Total attempts including the first (≥ 1). */
  maxAttempts: number;
  /** Longer waits than this are not slept through; the caller reports "throttled" instead. */
  maxWaitSeconds: number;
  /** Used when Graph throttles without saying how long to wait. */
  defaultWaitSeconds: number;
  sleep(ms: number): Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type Attempt<T> = { ok: true; value: T } | { ok: false; failure: GraphFailure };

function retriable(f: GraphFailure): boolean {
  return f.status === 429 || ((f.status === 503 || f.status === 504) && f.retryAfterSeconds !== undefined);
}

export async function withRetry<T>(policy: RetryPolicy, call: () => Promise<T>): Promise<Attempt<T>> {
  let failure: GraphFailure | undefined;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      failure = failureFromError(error);
    }
    if (!retriable(failure)) break;
    const wait = failure.retryAfterSeconds ?? policy.defaultWaitSeconds;
    if (attempt === policy.maxAttempts || wait > policy.maxWaitSeconds) break;
    await policy.sleep(wait * 1000);
  }
  const f = failure!;
  // A throttled outcome always tells the caller when to try again.
  return { ok: false, failure: f.reason === 'throttled' ? { ...f, retryAfterSeconds: f.retryAfterSeconds ?? policy.defaultWaitSeconds } : f };
}
