// What the services need from Teams notifications. The Graph adapter (src/data/graph) implements it;
// tests use in-memory fakes. Notifications are best effort on top of saved state: the adapter never
// throws for a delivery failure, it reports it per recipient so the sender can see and retry it.

/** Activity types declared in the Teams app manifest (teams/manifest.json). */
export type ActivityType =
  | 'approvalRequired'
  | 'requestUpdated'
  | 'requestWithdrawn'
  | 'reportDue'
  | 'credentialsShared'
  | 'accountFlagged'
  | 'emergencyRole'
  | 'policyPublished'
  | 'policyReminder'
  | 'emergencyRolesAnnounced';

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
  /**
   * Recipients (by object id) the caller has just read from the directory as enabled people, with
   * their names: the notifier does not ask the directory about them again, which for 1,000 people
   * saves 50 look-up batches.
   */
  known?: { id: string; name: string }[];
  /** Called as calls complete: how many of the recipients have an outcome so far, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * What the sender can know about one person:
 * - sent: Graph accepted the notification (202/204). For a bulk call that is all anyone can know:
 *   Graph fans it out later and silently drops people it cannot reach, so "sent" never means
 *   "delivered".
 * - notReachable: the hub knows Teams cannot reach this person (see NotReachableReason); sending
 *   again will not help until something changes in the directory or in Teams.
 * - failed: the call did not go through (FailureReason); it can be retried.
 */
export type DeliveryStatus = 'sent' | 'notReachable' | 'failed';

export type NotReachableReason = 'disabled' | 'unknown' | 'appNotInstalled' | 'self';

export type FailureReason = 'throttled' | 'conflict' | 'forbidden' | 'validation' | 'server' | 'offline';

export interface DeliveryResult {
  recipient: string;
  /** The person's display name from the directory, when the look-up found them. */
  name?: string;
  status: DeliveryStatus;
  reason?: NotReachableReason | FailureReason;
  /** For a throttled failure: seconds Graph asked us to wait before retrying. */
  retryAfterSeconds?: number;
  /** How a sent notification went: one call for this person, or a bulk call that reports nothing per person. */
  via?: 'single' | 'bulk';
}

export type ChannelPostStatus = 'posted' | 'failed';

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
  postChannelCard(message: ChannelCard): Promise<{ status: ChannelPostStatus; messageId?: string; reason?: FailureReason; retryAfterSeconds?: number }>;
}
