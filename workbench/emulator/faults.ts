// Fault injection from the control plane: each rule matches "METHOD /path?query" by regex and
// fires a limited number of times, for top-level requests and for $batch parts alike.
import type { InjectedFault } from './types';

export interface FaultRule extends InjectedFault {
  match: string;
  /** How many more requests this rule hits. */
  remaining: number;
  /** Hit only this share of matching requests (0–1), drawn from a seeded generator so a run repeats. */
  probability?: number;
}

/** mulberry32: a small seeded generator; the same seed gives the same faults on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultSet {
  private rules: Array<FaultRule & { re: RegExp; draw?: () => number }> = [];

  add(spec: { match: string; times?: number; probability?: number; seed?: number } & InjectedFault): FaultRule {
    if (typeof spec.match !== 'string' || spec.match === '') throw new Error('A fault needs a "match" regular expression.');
    const re = new RegExp(spec.match);
    const probability = spec.probability;
    if (probability !== undefined && !(probability > 0 && probability <= 1)) throw new Error('"probability" must be above 0 and at most 1.');
    // A rule that hits a share of requests goes on until cleared, unless told how many times.
    const times = spec.times ?? (probability !== undefined ? Number.MAX_SAFE_INTEGER : 1);
    if (!Number.isInteger(times) || times < 1) throw new Error('"times" must be a positive integer.');
    if (spec.status === undefined && !spec.drop && !spec.dropAfter && !spec.latencyMs) throw new Error('A fault needs a status, drop, dropAfter or latencyMs.');
    const rule = {
      match: spec.match, remaining: times, status: spec.status, retryAfter: spec.retryAfter, latencyMs: spec.latencyMs, drop: spec.drop, dropAfter: spec.dropAfter, re,
      probability, draw: probability !== undefined ? seeded(spec.seed ?? 1) : undefined
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
    // A probabilistic rule that does not fire lets the next matching rule have its turn.
    const rule = this.rules.find((r) => r.remaining > 0 && r.re.test(requestLine) && (!r.draw || r.draw() < r.probability!));
    if (!rule) return undefined;
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { status: rule.status, retryAfter: rule.retryAfter, latencyMs: rule.latencyMs, drop: rule.drop, dropAfter: rule.dropAfter };
  }

  private describe(r: FaultRule): FaultRule {
    return { match: r.match, remaining: r.remaining, status: r.status, retryAfter: r.retryAfter, latencyMs: r.latencyMs, drop: r.drop, dropAfter: r.dropAfter, probability: r.probability };
  }
}
