// What the services need from Teams notifications. The Graph adapter (src/data/graph) implements it;
// tests use in-memory fakes. Notifications are best effort on top of saved state: the adapter never
// throws for a delivery failure, it reports it per recipient so the sender can see and retry it.

/** Activity types declared in the Teams app manifest (teams/manifest.json). */
export type ActivityType =
  | 'approvalRequired'
  | 'requestUpdated'
  | 'reportDue'
  | 'credentialsShared'
  | 'accountFlagged'
  | 'emergencyRole'
  | 'policyPublished';

export interface ActivityNotification {
  activityType: ActivityType;
  /** Entra object ids or UPNs of the people to notify. */
  recipients: string[];
  /** Short text shown in the feed (≤ 150 characters). */
  previewText: string;
  /** Values for the activity type's templateText placeholders. */
  templateParameters: Record<string, string>;
  /** The personal-app page and item the deep link opens, e.g. { pageId: 'policy', subPageId: '3' }. */
  deepLink: { pageId: string; subPageId?: string; label: string };
}

export type DeliveryStatus = 'delivered' | 'throttled' | 'failed';

export interface DeliveryResult {
  recipient: string;
  status: DeliveryStatus;
  /** For throttled: seconds Graph asked us to wait before retrying. */
  retryAfterSeconds?: number;
  /** A user-facing reason key for failed deliveries (see src/data/errors). */
  reason?: string;
}

export interface ChannelCard {
  teamId: string;
  channelId: string;
  /** An Adaptive Card (object form); the adapter serialises it as a Teams attachment. */
  card: Record<string, unknown>;
  /** Plain-text summary for clients that do not render cards. */
  summary: string;
}

export interface INotifier {
  notify(notification: ActivityNotification): Promise<DeliveryResult[]>;
  postChannelCard(message: ChannelCard): Promise<{ status: DeliveryStatus; messageId?: string; reason?: string }>;
}
