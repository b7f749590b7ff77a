import type { MajorRelease, PolicyContent, PolicyVersion } from '../../domain/policy';
import type { HubSettings } from './settings';

export interface PolicyVersionSummary {
  id: number;
  label: string;
  major: number;
  minor: number;
  isMajor: boolean;
  publishedAt?: string;
  publishedBy?: string;
  changeSummary?: string;
  /** The N.0 of this major (for N.0, itself). */
  majorRelease?: MajorRelease;
}

export interface PolicyPageData {
  /** The version in force; undefined before set-up seeded one. */
  policy?: PolicyVersion;
  settings: HubSettings;
  /**
   * Published versions' summaries (no content), newest first, read in the same round trip: what
   * changed since the version the person last confirmed. Absent where a caller has no list.
   */
  versions?: PolicyVersionSummary[];
  /** The signed-in person's newest acknowledgements (which major, when SharePoint recorded it). */
  myAcks: { major: number; at: string }[];
  /** May add policy versions: comms' tools are shown (SharePoint enforces what they may do). */
  canPublish: boolean;
  /** May read everyone's acknowledgements (comms and comms heads): coverage is shown. */
  canReadAllAcks: boolean;
  /** May manage the site (shows set-up; SharePoint enforces it). */
  canManageSite: boolean;
  /** May read every request (comms and comms heads): the review queue is shown. */
  canReadAllRequests?: boolean;
  /** May add reviews (comms). */
  canReview?: boolean;
  /** May add decisions (the comms heads). */
  canDecide?: boolean;
}

export interface PublishInput {
  major: number;
  minor: number;
  isMajor: boolean;
  content: PolicyContent;
  changeSummary: string;
}

export interface IPolicyRepository {
  /** The page's first paint in one round trip: policy in force, settings, my acknowledgement, my groups. */
  loadPolicyPage(mySiteUserId: number): Promise<PolicyPageData>;
  listVersions(): Promise<PolicyVersionSummary[]>;
  getVersion(id: number): Promise<PolicyVersion>;
  /** Fails with a conflict when that version number was published meanwhile (unique field). */
  publish(input: PublishInput): Promise<PolicyVersion>;
  hasAnyVersion(): Promise<boolean>;
}
