import type { DeliveryResult } from './ports/notifier';
import type { DeliveryReport } from './ports/notificationReports';

// Reading a delivery report honestly: how many were sent (Graph accepted the call), who is not
// reachable and why, who failed and can be tried again. Nothing here says "delivered": a sender
// cannot know that.

export interface DeliverySummary {
  recipients: number;
  sent: number;
  /** Sent with a call of their own (we know Graph took it for that person). */
  sentByName: DeliveryResult[];
  notReachable: DeliveryResult[];
  failed: DeliveryResult[];
}

export function deliverySummary(report: DeliveryReport): DeliverySummary {
  const notReachable = report.results.filter((r) => r.status === 'notReachable');
  const failed = report.results.filter((r) => r.status === 'failed');
  return {
    recipients: report.recipients,
    // Counted as "everyone else" so that a report listing only its failures reads the same.
    sent: Math.max(0, report.recipients - notReachable.length - failed.length),
    sentByName: report.results.filter((r) => r.status === 'sent'),
    notReachable,
    failed
  };
}

/**
 * Worth sending again: a failure, or a person the Teams app was not installed for (an administrator
 * may have installed it since). Disabled, unknown people and the sender themselves are not.
 */
export function isRetryable(r: DeliveryResult): boolean {
  return r.status === 'failed' || (r.status === 'notReachable' && r.reason === 'appNotInstalled');
}

export function retryableRecipients(report: DeliveryReport): string[] {
  return report.results.filter(isRetryable).map((r) => r.recipient);
}

/** The earlier report with the retried people's new results in place of their old ones. */
export function mergeRetry(before: DeliveryReport, retried: DeliveryResult[]): DeliveryReport {
  const fresh = new Map(retried.map((r) => [r.recipient.toLowerCase(), r]));
  const kept = before.results.filter((r) => !fresh.has(r.recipient.toLowerCase()));
  return { recipients: before.recipients, results: [...kept, ...retried] };
}
