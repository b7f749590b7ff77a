// Fault injection from the control plane: each rule matches "METHOD /path?query" by regex and
// fires a limited number of times, for top-level requests and for $batch parts alike.
import type { InjectedFault } from './types';

export interface FaultRule extends InjectedFault {
  match: string;
  /** How many more requests this rule hits. */
  remaining: number;
}

export class FaultSet {
  private rules: Array<FaultRule & { re: RegExp }> = [];

  add(spec: { match: string; times?: number } & InjectedFault): FaultRule {
    if (typeof spec.match !== 'string' || spec.match === '') throw new Error('A fault needs a "match" regular expression.');
    const re = new RegExp(spec.match);
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('"times" must be a positive integer.');
    if (spec.status === undefined && !spec.drop && !spec.dropAfter && !spec.latencyMs) throw new Error('A fault needs a status, drop, dropAfter or latencyMs.');
    const rule = {
      match: spec.match, remaining: times, status: spec.status, retryAfter: spec.retryAfter, latencyMs: spec.latencyMs, drop: spec.drop, dropAfter: spec.dropAfter, re
    };
    this.rules.push(rule);
    return this.describe(rule);
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => this.describe(r));
  }

  /** The first live rule matching the request line, consumed by one use. */
  take(requestLine: string): InjectedFault | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && r.re.test(requestLine));
    if (!rule) return undefined;
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { status: rule.status, retryAfter: rule.retryAfter, latencyMs: rule.latencyMs, drop: rule.drop, dropAfter: rule.dropAfter };
  }

  private describe(r: FaultRule): FaultRule {
    return { match: r.match, remaining: r.remaining, status: r.status, retryAfter: r.retryAfter, latencyMs: r.latencyMs, drop: r.drop, dropAfter: r.dropAfter };
  }
}
