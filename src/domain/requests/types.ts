// The four kinds of request (PRODUCT.md C3): what the form holds while someone types (every field as
// text, so a half-filled form and a draft are the same thing), and what a request says once its
// form is accepted (the Details JSON of SMH Requests).

/** The SMH Requests RequestType choices (the schema's REQUEST_TYPES; a test keeps them equal). */
export const REQUEST_KINDS = ['New account', 'Paid campaign', 'Close account', 'Idea or question'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The register's platforms (SMH Accounts' Platform choices; a test keeps them equal). */
export const PLATFORMS = [
  'Facebook', 'X', 'Instagram', 'LinkedIn', 'TikTok', 'YouTube', 'Threads', 'Bluesky', 'Mastodon',
  'Nextdoor', 'WhatsApp channel', 'Other'
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Paid promotion is for these only (the policy). */
export const CAMPAIGN_PURPOSES = ['Campaign', 'Event', 'Recruitment'] as const;
export type CampaignPurpose = (typeof CAMPAIGN_PURPOSES)[number];

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// ---------------------------------------------------------------- what the form holds

/** A person as a people picker gives them. Who is named is checked against the directory later. */
export interface PersonInput { name: string; email: string }

export interface HoursSlotInput { day: string; from: string; to: string }

export interface StaffedHoursInput {
  /** Watched around the clock, every day. */
  allHours: boolean;
  /** Otherwise, when someone watches it (a day may have two slots, e.g. either side of lunch). */
  slots: HoursSlotInput[];
  /** The profile will say when it is staffed (the policy asks this of accounts not staffed 24/7). */
  profileWillSaySo: boolean;
}

/** A proposed hashtag and the public check the requester made (who made it is the item's Author). */
export interface HashtagInput { tag: string; checkedOn: string; evidenceUrl: string }

export interface NewAccountInput {
  kind: 'New account';
  accountName: string;
  platform: string;
  /** The handle hoped for, if known. */
  handle: string;
  owningService: string;
  whyExistingCannotServe: string;
  audience: string;
  whereAudienceTalks: string;
  objectives: string;
  contentPlan: string;
  hoursPerWeek: string;
  owner: PersonInput;
  backup: PersonInput;
  rota: string;
  staffedHours: StaffedHoursInput;
  /** Empty tag: the account will not have a hashtag of its own. */
  hashtag: HashtagInput;
  exitPlan: string;
}

export interface PaidCampaignInput {
  kind: 'Paid campaign';
  title: string;
  purpose: string;
  description: string;
  platform: string;
  /** The register id of the account that will run it, as text; empty when not decided. */
  accountId: string;
  budget: string;
  startDate: string;
  endDate: string;
  expectedReturn: string;
  howReturnIsShown: string;
  hashtag: HashtagInput;
}

export interface CloseAccountInput {
  kind: 'Close account';
  accountId: string;
  /** The account's name as the form showed it, so the request reads well even if the register changes. */
  accountName: string;
  reason: string;
  followersPlan: string;
}

export interface IdeaOrQuestionInput {
  kind: 'Idea or question';
  subject: string;
  message: string;
}

export type RequestInput = NewAccountInput | PaidCampaignInput | CloseAccountInput | IdeaOrQuestionInput;

// ---------------------------------------------------------------- what an accepted request says

export interface Person { name: string; email: string }
export interface HoursSlot { day: Weekday; from: string; to: string }
/** Around the clock (no slots), or the slots when someone watches the account. */
export interface StaffedHours { allHours: boolean; slots: HoursSlot[]; profileWillSaySo: boolean }
export interface HashtagProposal { tag: string; checkedOn: string; evidenceUrl: string }

export interface NewAccountDetails {
  kind: 'New account';
  accountName: string;
  platform: Platform;
  handle: string;
  owningService: string;
  whyExistingCannotServe: string;
  audience: string;
  whereAudienceTalks: string;
  objectives: string;
  contentPlan: string;
  hoursPerWeek: number;
  owner: Person;
  backup: Person;
  rota: string;
  staffedHours: StaffedHours;
  hashtag: HashtagProposal | null;
  exitPlan: string;
}

export interface PaidCampaignDetails {
  kind: 'Paid campaign';
  title: string;
  purpose: CampaignPurpose;
  description: string;
  platform: Platform;
  accountId: number | null;
  /** In pence, so money is never a rounded binary fraction. */
  budgetPence: number;
  startDate: string;
  endDate: string;
  expectedReturnPence: number;
  howReturnIsShown: string;
  hashtag: HashtagProposal | null;
}

export interface CloseAccountDetails {
  kind: 'Close account';
  accountId: number;
  accountName: string;
  reason: string;
  followersPlan: string;
}

export interface IdeaOrQuestionDetails {
  kind: 'Idea or question';
  subject: string;
  message: string;
}

export type RequestDetails = NewAccountDetails | PaidCampaignDetails | CloseAccountDetails | IdeaOrQuestionDetails;

// ---------------------------------------------------------------- validation results

export interface FormProblem {
  /** The field, as a path the form can match: 'owner.email', 'staffedHours.slots.2.from'. */
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FormProblem[] };

/** What a form's checks may need to know beyond the form: today's date in the person's time zone. */
export interface ValidationContext {
  /** YYYY-MM-DD. */
  today: string;
}
