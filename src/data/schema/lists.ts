import type { FieldDef, ListDef, RetiredListDef, RoleAssignmentDef } from './types';

// The lists of PRODUCT.md §3 (trust model v2: append-only records, derived state). Set-up, the repositories and the generated provisioning template all
// read this module; change a list here and nowhere else.

import { ACCOUNT_STATUS, ACCOUNT_STATUSES, PLATFORMS } from '../../domain/register/choices';

// Choice values repositories filter on, named so code reads them from here rather than spelling them.
export { ACCOUNT_STATUS, ACCOUNT_STATUSES };
export const POLICY_STATUS = { draft: 'Draft', published: 'Published' } as const;
export const POLICY_STATUSES = Object.values(POLICY_STATUS);
export const REQUEST_TYPES = ['New account', 'Paid campaign', 'Close account', 'Idea or question'] as const;
export const REVIEW_OUTCOMES = ['To decision', 'More information', 'Reject'] as const;
export const DECISION_OUTCOMES = ['Approve', 'Reject'] as const;
/** A register import's records, one item each (see importRuns): a run's accounts show once it has a Complete record. */
export const IMPORT_RUN_STATE = { started: 'Started', complete: 'Complete', removed: 'Removed' } as const;
export const IMPORT_RUN_STATES = Object.values(IMPORT_RUN_STATE);

// The helpers keep each field's name as a literal type, so `fieldNames` can give repositories typed
// names and a misspelt field is a compile error rather than a 400 at run time.
type Extra = Partial<Omit<FieldDef, 'name'>>;
const text = <N extends string>(name: N, title: string, extra: Extra = {}): FieldDef<N> => ({ name, title, kind: 'Text', maxLength: 255, ...extra });
const note = <N extends string>(name: N, title: string, extra: Extra = {}): FieldDef<N> => ({ name, title, kind: 'Note', ...extra });
const num = <N extends string>(name: N, title: string, extra: Extra = {}): FieldDef<N> => ({ name, title, kind: 'Number', ...extra });
const date = <N extends string>(name: N, title: string, extra: Extra = {}): FieldDef<N> => ({ name, title, kind: 'DateTime', ...extra });
const bool = <N extends string>(name: N, title: string, extra: Extra = {}): FieldDef<N> => ({ name, title, kind: 'Boolean', ...extra });
const user = <N extends string>(name: N, title: string, extra: Extra = {}): FieldDef<N> => ({ name, title, kind: 'User', ...extra });
const choice = <N extends string>(name: N, title: string, choices: readonly string[], extra: Extra = {}): FieldDef<N> => ({ name, title, kind: 'Choice', choices, ...extra });
/**
 * The client-made id of a write that must happen once (PRODUCT.md §3, idempotency by reading): indexed
 * so a retry finds its own, never unique (a unique column cannot be combined with read-own-only, and
 * its 409 would tell anyone that someone else's id exists). Readers count an id once, earliest wins.
 */
const submissionId = (extra: Extra = {}) => text('SubmissionId', 'Submission id', { indexed: true, maxLength: 64, ...extra });

const owners: RoleAssignmentDef = { principal: 'owners', role: 'fullControl' };
const everyoneReads: RoleAssignmentDef = { principal: 'everyone', role: 'read' };
const everyoneAdds: RoleAssignmentDef = { principal: 'everyone', role: 'addOwn' };
const commsEdit: RoleAssignmentDef = { principal: 'comms', role: 'contribute' };
const commsReadAll: RoleAssignmentDef = { principal: 'comms', role: 'readAll' };
const headsReadAll: RoleAssignmentDef = { principal: 'commsHeads', role: 'readAll' };
const commsAdd: RoleAssignmentDef = { principal: 'comms', role: 'addOwn' };
const commsReads: RoleAssignmentDef = { principal: 'comms', role: 'read' };
const headsRead: RoleAssignmentDef = { principal: 'commsHeads', role: 'read' };

export const LISTS = {
  policyVersions: {
    key: 'policyVersions',
    title: 'SMH Policy Versions',
    description: 'Published versions of the social media policy. A major version asks staff to acknowledge again.',
    enableVersioning: true,
    // Comms add versions but cannot change or delete a published one: the history stays true.
    permissions: [owners, everyoneReads, commsAdd],
    fields: [
      num('VersionNumber', 'Version number', { required: true, indexed: true, unique: true, description: 'major × 1000 + minor, for sorting' }),
      text('VersionLabel', 'Version label', { required: true, maxLength: 20 }),
      num('Major', 'Major version', { required: true, indexed: true }),
      bool('IsMajor', 'Requires acknowledgement'),
      choice('Status', 'Status', POLICY_STATUSES, { required: true, indexed: true }),
      note('Content', 'Content (JSON)', { required: true, description: 'introduction, do and don\'t items, links' }),
      note('ChangeSummary', 'What changed')
    ]
  },
  acknowledgements: {
    key: 'acknowledgements',
    title: 'SMH Acknowledgements',
    description: 'Who acknowledged which major version of the policy. The author of an item is the person who acknowledged.',
    readSecurity: 2,
    writeSecurity: 2,
    permissions: [owners, everyoneAdds, commsReadAll, headsReadAll],
    // Author first in every "have I acknowledged?" query: it narrows 100,000s of items to a handful.
    // No client-written key is unique here, so nobody can squat another person's acknowledgement.
    indexedBuiltIns: ['Author', 'Created'],
    fields: [
      num('PolicyMajor', 'Policy major version', { required: true, indexed: true }),
      text('VersionLabel', 'Version label', { maxLength: 20 })
    ]
  },
  accounts: {
    key: 'accounts',
    title: 'SMH Accounts',
    description: 'The register of the organisation\'s social media accounts.',
    // Its version history is the owner/backup timeline that the trust rules read.
    enableVersioning: true,
    permissions: [owners, everyoneReads, commsEdit],
    // Title is the account's name: indexed so the register sorts by name on a list of 20,000.
    indexedBuiltIns: ['Title'],
    fields: [
      choice('Platform', 'Platform', PLATFORMS, { required: true, indexed: true }),
      text('Handle', 'Handle', { required: true, indexed: true }),
      // The handle's canonical key (domain/register/accountHandle: lower case, no "@", no address),
      // written by comms with the handle, so any spelling someone pastes is found by one exact lookup.
      text('HandleKey', 'Handle key', { indexed: true, maxLength: 255 }),
      text('ProfileUrl', 'Profile URL'),
      text('OwningService', 'Owning service', { indexed: true }),
      user('Owner', 'Owner', { indexed: true }),
      user('Backup', 'Backup owner', { indexed: true }),
      note('Objectives', 'Objectives and audience'),
      note('ContentPlan', 'Content plan'),
      note('StaffedHours', 'Staffed hours (JSON)'),
      bool('ProfileStatesHours', 'Profile states staffed hours'),
      num('ResponseTargetHours', 'Response target (hours)'),
      text('Hashtags', 'Hashtags'),
      choice('AccountStatus', 'Status', ACCOUNT_STATUSES, { required: true, indexed: true }),
      num('FromRequestId', 'Created from request', { indexed: true }),
      date('LastReportMonth', 'Last report month'),
      num('HealthScore', 'Health score', { indexed: true }),
      // Written by a CSV import (src/data/sp/registerImporter.ts): the run the entry came in with. Every
      // reader hides an entry whose run has no Complete record in SMH Import Runs, so a run shows whole
      // or not at all; the client-made id of its row makes a retried write count once.
      text('ImportRunId', 'Import run', { indexed: true, maxLength: 64 }),
      submissionId()
    ]
  },
  importRuns: {
    key: 'importRuns',
    title: 'SMH Import Runs',
    description: 'CSV imports of the register: started, complete (its accounts are shown) or removed.',
    // Comms write it (as they write the register); everyone reads it, because every register reader
    // needs to know which runs are complete.
    permissions: [owners, everyoneReads, commsEdit],
    fields: [
      text('RunId', 'Run id', { required: true, indexed: true, maxLength: 64 }),
      choice('RunState', 'State', IMPORT_RUN_STATES, { required: true, indexed: true }),
      num('RowCount', 'Rows'),
      text('FileName', 'File name')
    ]
  },
  accountUpdates: {
    key: 'accountUpdates',
    title: 'SMH Account Updates',
    description: 'Owners\' operational records of an account (rota, staffed hours, response target, content plan). The latest that counts is current.',
    // Anyone may add; an update counts only if its Author owned or backed up the account then, or is in comms.
    permissions: [owners, everyoneAdds],
    fields: [
      num('AccountId', 'Account id', { required: true, indexed: true }),
      note('Rota', 'Rota (JSON)'),
      note('StaffedHours', 'Staffed hours (JSON)'),
      bool('ProfileStatesHours', 'Profile states staffed hours'),
      num('ResponseTargetHours', 'Response target (hours)'),
      note('ContentPlan', 'Content plan'),
      submissionId()
    ]
  },
  requests: {
    key: 'requests',
    title: 'SMH Requests',
    description: 'Requests to comms: an original and its revisions or withdrawal, each a new item. Status comes from reviews and decisions.',
    readSecurity: 2,
    writeSecurity: 2,
    enableVersioning: true,
    permissions: [owners, everyoneAdds, commsReadAll, headsReadAll],
    indexedBuiltIns: ['Author'],
    fields: [
      choice('RequestType', 'Request type', REQUEST_TYPES, { required: true, indexed: true }),
      submissionId({ required: true }),
      note('Details', 'Details (JSON)', { required: true }),
      date('SubmittedAt', 'Submitted at', { indexed: true }),
      num('RevisionOf', 'Revision of request', { indexed: true, description: 'empty for an original; the original\'s id for a revision or withdrawal' }),
      bool('Withdrawn', 'Withdraws the request')
    ]
  },
  reviews: {
    key: 'reviews',
    title: 'SMH Reviews',
    description: 'Comms reviews of requests, each opened to its requester alone. A request\'s state comes from its reviews and decisions.',
    // The writer opens the review to the requester: break the item's inheritance COPYING the list's
    // assignments (so the writer keeps add-and-share, no edit), then add the requester with Read.
    permissions: [owners, { principal: 'comms', role: 'addAndShare' }, headsRead],
    fields: [
      num('RequestId', 'Request id', { required: true, indexed: true }),
      choice('Outcome', 'Outcome', REVIEW_OUTCOMES, { required: true }),
      note('Message', 'Message to the requester'),
      submissionId()
    ]
  },
  decisions: {
    key: 'decisions',
    title: 'SMH Decisions',
    description: 'Final decisions of the head of communications, each opened to its requester alone.',
    permissions: [owners, { principal: 'commsHeads', role: 'addAndShare' }, commsReads],
    fields: [
      num('RequestId', 'Request id', { required: true, indexed: true }),
      choice('Outcome', 'Outcome', DECISION_OUTCOMES, { required: true }),
      note('Reason', 'Reason', { required: true }),
      submissionId()
    ]
  },
  monthlyReports: {
    key: 'monthlyReports',
    title: 'SMH Monthly Reports',
    description: 'The one-page monthly report each active account files on the 1st.',
    readSecurity: 2,
    writeSecurity: 2,
    permissions: [owners, everyoneAdds, commsReadAll, headsReadAll],
    fields: [
      num('AccountId', 'Account id', { required: true, indexed: true }),
      text('ReportMonth', 'Month (YYYY-MM)', { required: true, indexed: true, maxLength: 7 }),
      note('Figures', 'Figures (JSON)'),
      note('Narrative', 'What went well, what did not, next month'),
      date('FiledAt', 'Filed at', { indexed: true }),
      submissionId()
    ]
  },
  credentials: {
    key: 'credentials',
    title: 'SMH Credentials',
    description: 'End-to-end encrypted account credentials. Only ciphertext and wrapped keys are stored.',
    readSecurity: 2,
    writeSecurity: 2,
    permissions: [owners, everyoneAdds, commsReadAll],
    fields: [
      num('AccountId', 'Account id', { required: true, indexed: true }),
      note('Ciphertext', 'Ciphertext', { required: true }),
      note('WrappedKeys', 'Wrapped keys (JSON)', { required: true }),
      num('SecretVersion', 'Version', { required: true }),
      bool('TwoStepOn', 'Two-step verification on'),
      bool('RecoveryIsOrganisational', 'Recovery e-mail/phone is organisational'),
      date('RotatedAt', 'Last rotated', { indexed: true }),
      submissionId()
    ]
  },
  vaultPublicKeys: {
    key: 'vaultPublicKeys',
    title: 'SMH Vault Public Keys',
    description: 'Comms members\' public keys. A key belongs to its author and counts while they are in comms.',
    // No member field: who a key belongs to is SharePoint's Author, which nobody else can write.
    permissions: [owners, everyoneReads, commsAdd],
    fields: [
      note('PublicKey', 'Public key (JWK)', { required: true }),
      text('KeyFingerprint', 'Key fingerprint', { indexed: true, maxLength: 128 })
    ]
  },
  vaultPrivateKeys: {
    key: 'vaultPrivateKeys',
    title: 'SMH Vault Private Keys',
    description: 'Comms members\' passphrase-wrapped private keys. Each member reads only their own.',
    readSecurity: 2,
    writeSecurity: 2,
    // Nobody holds read-all here: a wrapped private key is its author's alone.
    permissions: [owners, commsAdd],
    fields: [
      note('WrappedPrivateKey', 'Wrapped private key', { required: true }),
      text('KeyFingerprint', 'Key fingerprint', { indexed: true, maxLength: 128 })
    ]
  },
  hashtags: {
    key: 'hashtags',
    title: 'SMH Hashtags',
    description: 'The organisation\'s hashtags and the checks that they are clean.',
    permissions: [owners, everyoneReads, commsEdit],
    fields: [
      text('Tag', 'Hashtag', { required: true, maxLength: 140 }),
      text('NormalisedTag', 'Normalised form', { required: true, indexed: true, maxLength: 140 }),
      text('UsedBy', 'Account or campaign'),
      choice('TagStatus', 'Status', ['Proposed', 'In use', 'Retired'], { required: true, indexed: true }),
      text('EvidenceUrl', 'Evidence of the public check'),
      date('CheckedAt', 'Checked at')
    ]
  },
  emergencyRoles: {
    key: 'emergencyRoles',
    title: 'SMH Emergency Roles',
    description: 'Social media roles in the emergency plan.',
    permissions: [owners, everyoneReads, commsEdit],
    fields: [
      text('Role', 'Role', { required: true }),
      user('Person', 'Person', { indexed: true }),
      user('BackupPerson', 'Backup', { indexed: true }),
      note('AccountsCovered', 'Accounts covered (JSON ids)')
    ]
  },
  activity: {
    key: 'activity',
    title: 'SMH Activity',
    description: 'Append-only log of what happened to which item. The author is who did it.',
    readSecurity: 2,
    // Append-only comes from the add-only permission level (no edit or delete right at all);
    // WriteSecurity 4 would stop people adding entries too.
    writeSecurity: 2,
    permissions: [owners, everyoneAdds, commsReadAll, headsReadAll],
    indexedBuiltIns: ['Author', 'Created'],
    fields: [
      text('Action', 'Action', { required: true, indexed: true, maxLength: 80 }),
      text('TargetList', 'List', { indexed: true, maxLength: 80 }),
      num('TargetId', 'Item id', { indexed: true }),
      note('Data', 'Details (JSON)')
    ]
  },
  notifications: {
    key: 'notifications',
    title: 'SMH Notifications',
    description: 'Reports of Teams notifications sent, so comms can see and retry what did not go through.',
    // Only comms write here, so nobody else can make a failed send look sent; append-only, so a retry
    // is a new report and the latest per target counts.
    permissions: [owners, commsAdd, headsRead],
    fields: [
      text('TargetList', 'List', { required: true, indexed: true, maxLength: 80 }),
      num('TargetId', 'Item id', { required: true, indexed: true }),
      text('ActivityType', 'Activity type', { maxLength: 40 }),
      note('Report', 'Delivery report (JSON)', { required: true }),
      submissionId()
    ]
  },
  settings: {
    key: 'settings',
    title: 'SMH Settings',
    description: 'Settings of the hub. Nothing secret is ever stored here.',
    permissions: [owners, everyoneReads],
    fields: [
      text('SettingKey', 'Key', { required: true, indexed: true, unique: true, maxLength: 80 }),
      note('SettingValue', 'Value')
    ]
  }
} satisfies Record<string, ListDef>;

export type ListKey = keyof typeof LISTS;

export const ALL_LISTS: readonly ListDef[] = Object.values(LISTS);

/** Lists an earlier version created that this one no longer uses; set-up leaves them and reports them. */
export const RETIRED_LISTS: readonly RetiredListDef[] = [
  { title: 'SMH Vault Keys', reason: 'replaced by SMH Vault Public Keys and SMH Vault Private Keys; no feature ever used it' }
];

/** The built-in fields repositories read (names are SharePoint's own). */
export const BUILT_IN = {
  Id: 'Id', Title: 'Title', Created: 'Created', Modified: 'Modified', Author: 'Author', AuthorId: 'AuthorId', Editor: 'Editor', EditorId: 'EditorId'
} as const;

/** Properties of an item version (items(N)/versions) beside the item's own fields: its label; Created is when it was saved. */
export const VERSION = { Label: 'VersionLabel', Created: 'Created', Editor: 'Editor' } as const;

/** Properties of a person (User field or Author/Editor) that $select can reach through $expand. */
export const PERSON = { Id: 'Id', Title: 'Title', EMail: 'EMail', Name: 'Name' } as const;

/** "Field/Property" for $select of an expanded person field, e.g. through(BUILT_IN.Author, PERSON.Title). */
export function through(field: string, property: (typeof PERSON)[keyof typeof PERSON]): string {
  return `${field}/${property}`;
}

/** The id column SharePoint keeps beside a User field (Owner → OwnerId), for $select and $filter without $expand. */
export function lookupId(userField: string): string {
  return `${userField}Id`;
}

type NamesOf<L extends { fields: readonly { name: string }[] }> = { readonly [K in L['fields'][number]['name']]: K };

/** A list's field names as an object (`fieldNames(LISTS.acknowledgements).PolicyMajor`), read from the schema. */
export function fieldNames<L extends { fields: readonly { name: string }[] }>(list: L): NamesOf<L> {
  return Object.fromEntries(list.fields.map((f) => [f.name, f.name])) as NamesOf<L>;
}
