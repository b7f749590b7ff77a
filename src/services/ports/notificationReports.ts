import type { DeliveryResult } from './notifier';

// Where the outcome of a notification is kept: written only by comms, so it can be trusted when
// comms later look at who was not reached.

export interface DeliveryReport {
  recipients: number;
  delivered: number;
  /** Recipients whose notification did not go through, with why; they can be retried. */
  notDelivered: DeliveryResult[];
}

export interface StoredDeliveryReport extends DeliveryReport {
  at: string;
  by?: string;
}

export interface INotificationReports {
  latest(targetList: string, targetId: number): Promise<StoredDeliveryReport | undefined>;
  save(targetList: string, targetId: number, activityType: string, report: DeliveryReport): Promise<void>;
}
