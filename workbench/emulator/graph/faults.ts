// Switches tests and the workbench flip to make Graph misbehave on purpose, plus the per-app
// activity-notification budget. Held in memory only: a restart returns to a well-behaved Graph.
import { tooManyRequests, graphError, type GraphResult } from './results';

// What config/package-solution.json asks the tenant to approve.
export const DEFAULT_GRANTED_SCOPES = ['TeamsActivity.Send', 'ChannelMessage.Send', 'User.Read.All', 'GroupMember.Read.All'];

export interface ActivityBudget {
  /** Activity-notification requests allowed per window (Graph: about 5 per second per app per tenant). */
  requests: number;
  windowMs: number;
}

export const DEFAULT_ACTIVITY_BUDGET: ActivityBudget = { requests: 5, windowMs: 1000 };

/** Body of `POST /__emulator/graph/faults`; every field optional, unspecified fields unchanged. */
export interface GraphFaultSwitches {
  /** Answer the next n send operations (activity notifications, channel posts) with 429. */
  throttleNext?: number;
  /** Throttle the next N directory collection reads (/users, group members) with 429. */
  throttleNextRead?: number;
  /** Retry-After seconds for those 429s (default 1). */
  retryAfter?: number;
  /** Answer the next n send operations with 500. */
  failNext?: number;
  /** Make the bulk notification endpoint answer 412, as Graph does when the caller's token expires within 45 minutes. */
  tokenExpiringSoon?: boolean;
  /** Scopes the emulated delegated token carries. */
  grantedScopes?: string[];
  /** Replace the activity budget; null switches the budget off. */
  activityBudget?: ActivityBudget | null;
  /** Put every switch back to its default. */
  reset?: boolean;
}

export class GraphFaults {
  throttleNext = 0;
  throttleNextRead = 0;
  retryAfter = 1;
  failNext = 0;
  tokenExpiringSoon = false;
  grantedScopes: Set<string>;
  private budget: ActivityBudget | null;
  private windowStart = 0;
  private windowCount = 0;

  constructor(
    private readonly defaults: { grantedScopes: string[]; activityBudget: ActivityBudget | null },
    private readonly now: () => number
  ) {
    this.grantedScopes = new Set(defaults.grantedScopes);
    this.budget = defaults.activityBudget;
  }

  apply(s: GraphFaultSwitches): void {
    if (s.reset) {
      this.throttleNext = 0;
      this.throttleNextRead = 0;
      this.retryAfter = 1;
      this.failNext = 0;
      this.tokenExpiringSoon = false;
      this.grantedScopes = new Set(this.defaults.grantedScopes);
      this.budget = this.defaults.activityBudget;
      this.windowCount = 0;
    }
    if (typeof s.throttleNext === 'number') this.throttleNext = Math.max(0, Math.floor(s.throttleNext));
    if (typeof s.throttleNextRead === 'number') this.throttleNextRead = Math.max(0, Math.floor(s.throttleNextRead));
    if (typeof s.retryAfter === 'number') this.retryAfter = Math.max(0, Math.floor(s.retryAfter));
    if (typeof s.failNext === 'number') this.failNext = Math.max(0, Math.floor(s.failNext));
    if (typeof s.tokenExpiringSoon === 'boolean') this.tokenExpiringSoon = s.tokenExpiringSoon;
    if (Array.isArray(s.grantedScopes)) this.grantedScopes = new Set(s.grantedScopes);
    if (s.activityBudget !== undefined) {
      this.budget = s.activityBudget;
      this.windowCount = 0;
    }
  }

  snapshot(): Record<string, unknown> {
    return {
      throttleNext: this.throttleNext,
      throttleNextRead: this.throttleNextRead,
      retryAfter: this.retryAfter,
      failNext: this.failNext,
      tokenExpiringSoon: this.tokenExpiringSoon,
      grantedScopes: [...this.grantedScopes],
      activityBudget: this.budget
    };
  }

  /** Injected failures for a send operation, consumed one per call; undefined when none is due. */
  injected(): GraphResult | undefined {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return graphError(500, 'InternalServerError', 'The emulator was told to fail this request.');
    }
    if (this.throttleNext > 0) {
      this.throttleNext -= 1;
      return tooManyRequests(this.retryAfter);
    }
    return undefined;
  }

  /** An injected 429 for a directory collection read, consumed one per call. */
  injectedRead(): GraphResult | undefined {
    if (this.throttleNextRead <= 0) return undefined;
    this.throttleNextRead -= 1;
    return tooManyRequests(this.retryAfter);
  }

  /**
   * Counts one activity-notification request against the app's budget (a fixed window: simple, and
   * deterministic for a test that stays under the limit). Refused requests do not count.
   */
  takeActivityBudget(): GraphResult | undefined {
    if (!this.budget) return undefined;
    const t = this.now();
    if (this.windowCount === 0 || t - this.windowStart >= this.budget.windowMs) {
      this.windowStart = t;
      this.windowCount = 0;
    }
    if (this.windowCount >= this.budget.requests) {
      const waitMs = this.windowStart + this.budget.windowMs - t;
      return tooManyRequests(Math.max(1, Math.ceil(waitMs / 1000)));
    }
    this.windowCount += 1;
    return undefined;
  }
}
