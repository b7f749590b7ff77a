// Reading delivery reports: counts that never claim more than "sent", what is worth retrying, and a
// retry that replaces only the retried people's results.
import { deliverySummary, isRetryable, mergeRetry, retryableRecipients } from '../../src/services/deliveryReport';
import type { DeliveryResult } from '../../src/services/ports/notifier';

const sent = (recipient: string, via: 'single' | 'bulk' = 'single'): DeliveryResult => ({ recipient, status: 'sent', via });

describe('deliverySummary', () => {
  it('counts sent, not reachable and failed separately', () => {
    const s = deliverySummary({ recipients: 4, results: [
      sent('a'),
      { recipient: 'b', status: 'notReachable', reason: 'disabled' },
      { recipient: 'c', status: 'notReachable', reason: 'appNotInstalled' },
      { recipient: 'd', status: 'failed', reason: 'throttled', retryAfterSeconds: 5 }
    ] });
    expect(s.sent).toBe(1);
    expect(s.sentByName.map((r) => r.recipient)).toEqual(['a']);
    expect(s.notReachable.map((r) => r.recipient)).toEqual(['b', 'c']);
    expect(s.failed.map((r) => r.recipient)).toEqual(['d']);
  });

  it('reads a report that lists only its failures as "everyone else was sent to"', () => {
    expect(deliverySummary({ recipients: 5, results: [{ recipient: 'x', status: 'failed', reason: 'server' }] })).toMatchObject({ sent: 4, sentByName: [] });
  });
});

describe('retrying', () => {
  it('retries failures and people without the app, not disabled, unknown people or the sender', () => {
    const results: DeliveryResult[] = [
      sent('a'),
      { recipient: 'b', status: 'notReachable', reason: 'disabled' },
      { recipient: 'c', status: 'notReachable', reason: 'appNotInstalled' },
      { recipient: 'd', status: 'failed', reason: 'offline' },
      { recipient: 'e', status: 'notReachable', reason: 'unknown' },
      { recipient: 'f', status: 'notReachable', reason: 'self' }
    ];
    expect(results.filter(isRetryable).map((r) => r.recipient)).toEqual(['c', 'd']);
    expect(retryableRecipients({ recipients: 6, results })).toEqual(['c', 'd']);
  });

  it('keeps the earlier results of people not retried and replaces the retried ones, whatever their case', () => {
    const before = { recipients: 3, results: [sent('Ann@x.org'), { recipient: 'Bob@x.org', status: 'failed', reason: 'throttled' } as DeliveryResult, { recipient: 'cat@x.org', status: 'notReachable', reason: 'disabled' } as DeliveryResult] };
    const merged = mergeRetry(before, [sent('bob@x.org')]);
    expect(merged.recipients).toBe(3);
    expect(merged.results.map((r) => [r.recipient, r.status])).toEqual([['Ann@x.org', 'sent'], ['cat@x.org', 'notReachable'], ['bob@x.org', 'sent']]);
    expect(deliverySummary(merged).sent).toBe(2);
  });
});
