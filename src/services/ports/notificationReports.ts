import type { DeliveryResult } from './notifier';

// Where the outcome of a notification is kept: written only by comms, so it can be trusted when
// comms later look at who was not reached. The list is append-only (PRODUCT.md §3): a retry adds a
// new report that carries the whole picture, and the newest report for a target is the one that counts.

export interface DeliveryReport {
  /** How many people the notification was meant for. */
  recipients: number;
  /**
   * One result per person: sent, not reachable (with why) or failed (with why; can be retried).
   * Reports written before results were kept per person list only the failures; everyone not
   * listed was sent to (see deliverySummary).
   */
  results: DeliveryResult[];
}

export interface StoredDeliveryReport extends DeliveryReport {
  /** When SharePoint recorded the report (its Created). */
  at: string;
  /** Who wrote it (its Author). */
  by?: string;
}

export interface INotificationReports {
  latest(targetList: string, targetId: number): Promise<StoredDeliveryReport | undefined>;
  /** Adds a report; never changes an earlier one. */
  save(targetList: string, targetId: number, activityType: string, report: DeliveryReport): Promise<void>;
}
