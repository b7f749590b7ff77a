import type { EmergencyRole, HolderStatus, RoleDraft } from '../../domain/emergency';
import type { ChannelPostStatus, DeliveryResult, FailureReason } from './notifier';

// What the emergency plan (PRODUCT.md C8) needs from SharePoint and the directory. Roles live in
// SMH Emergency Roles (comms edit, everyone reads); announcements are logged in SMH Notifications,
// where only comms can add and nobody can edit, so the log cannot be rewritten after the fact.

/** The people of a role as hub user ids (null leaves the field empty). */
export interface RolePeople {
  personId: number | null;
  backupId: number | null;
}

export interface IEmergencyRoles {
  /** Every saved role with its ETag and people. */
  roles(): Promise<EmergencyRole[]>;
  /** What SharePoint lets the signed-in person do on the roles list (tidiness; SharePoint refuses the write itself). */
  canEdit(): Promise<boolean>;
  /** A hub user id for a work e-mail (the person is added to the site when new); undefined when the directory does not know them. */
  personId(email: string): Promise<number | undefined>;
  add(draft: RoleDraft, people: RolePeople): Promise<{ id: number }>;
  /** Saves only if the item is still at `etag` (If-Match); a save by someone else in between fails as a conflict. */
  update(id: number, etag: string, draft: RoleDraft, people: RolePeople): Promise<void>;
  /** One role as saved now, or undefined when it was removed. */
  role(id: number): Promise<EmergencyRole | undefined>;
}

/** What the directory says about a sign-in name, with the person's object id when it knows them. */
export interface HolderCheck {
  status: HolderStatus;
  id?: string;
  name?: string;
}

export interface IHolderDirectory {
  /** One answer per sign-in name (by lower case); 'unchecked' for those it could not ask about. */
  check(logins: string[]): Promise<Map<string, HolderCheck>>;
}

/** One role as it was announced (names, not ids: the log must read the same after people change). */
export interface AnnouncedRole {
  role: string;
  person?: string;
  backup?: string;
  accounts: string[];
}

export interface ChannelOutcome {
  status: ChannelPostStatus;
  reason?: FailureReason | 'notConfigured';
  messageId?: string;
}

/** One announcement (or a retry of what did not go), as kept in the activation log. */
export interface Activation {
  /** The roles as announced. */
  roles: AnnouncedRole[];
  channel: ChannelOutcome;
  /** How many people the notifications were for. */
  recipients: number;
  /** One result per person: sent, not reachable (why) or failed (why). */
  results: DeliveryResult[];
  /** The log entry this one retried, when it is a retry. */
  retryOf?: number;
}

export interface LoggedActivation extends Activation {
  id: number;
  /** When SharePoint recorded it (Created). */
  at: string;
  /** Who announced (the item's Author, SharePoint's own). */
  by?: string;
}

export interface IActivationLog {
  /** The latest entries, newest first. */
  recent(count: number): Promise<LoggedActivation[]>;
  /** Adds an entry; never changes one. Returns its id. */
  add(activation: Activation): Promise<number>;
}
