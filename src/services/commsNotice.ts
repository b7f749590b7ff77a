import type { IGroupMembership } from './ports/groups';
import type { ActivityNotification, DeliveryResult, INotifier } from './ports/notifier';

/** How telling comms in Teams went. "sent" means Graph accepted it; nobody can know more. */
export interface CommsNotified {
  /** Comms members asked to be told (the comms group's people). */
  recipients: number;
  results: DeliveryResult[];
  /** The comms group could not be read, or has nobody in it. */
  problem?: 'noRecipients' | 'groupUnreadable';
}

/**
 * Tells everyone in the comms group, after something of theirs to act on was saved. Never throws:
 * what was saved stays saved, and the answer says who was told and why anyone was not.
 */
export async function notifyCommsGroup(
  groups: IGroupMembership,
  notifier: INotifier,
  notification: Omit<ActivityNotification, 'recipients'>
): Promise<CommsNotified> {
  let recipients: string[];
  try {
    recipients = [...new Set(await groups.memberLogins('comms'))];
  } catch {
    return { recipients: 0, results: [], problem: 'groupUnreadable' };
  }
  if (recipients.length === 0) return { recipients: 0, results: [], problem: 'noRecipients' };
  try {
    return { recipients: recipients.length, results: await notifier.notify({ ...notification, recipients }) };
  } catch {
    // The notifier reports per person and does not throw; a bug there still must not fail a saved record.
    return { recipients: recipients.length, results: recipients.map((recipient) => ({ recipient, status: 'failed', reason: 'server' })) };
  }
}
