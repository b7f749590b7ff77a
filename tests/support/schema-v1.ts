// FROZEN: the schema of the previous version (commit 8fd04f1, src/data/schema/lists.ts + roles.ts), so the
// upgrade test can provision a site exactly as that version's set-up left it. Never edit to follow the schema.
import type { FieldDef, GroupDef, ListDef, RoleAssignmentDef, RoleDefinitionDef } from '../../src/data/schema/types';

const PLATFORMS = [
  'Facebook', 'X', 'Instagram', 'LinkedIn', 'TikTok', 'YouTube', 'Threads', 'Bluesky', 'Mastodon',
  'Nextdoor', 'WhatsApp channel', 'Other'
] as const;

const ACCOUNT_STATUSES = ['Proposed', 'Active', 'Under review', 'Closing', 'Closed'] as const;
const REQUEST_TYPES = ['New account', 'Paid campaign', 'Close account', 'Idea or question'] as const;

const text = (name: string, title: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, title, kind: 'Text', maxLength: 255, ...extra });
const note = (name: string, title: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, title, kind: 'Note', ...extra });
const num = (name: string, title: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, title, kind: 'Number', ...extra });
const date = (name: string, title: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, title, kind: 'DateTime', ...extra });
const bool = (name: string, title: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, title, kind: 'Boolean', ...extra });
const user = (name: string, title: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, title, kind: 'User', ...extra });
const choice = (name: string, title: string, choices: readonly string[], extra: Partial<FieldDef> = {}): FieldDef => ({ name, title, kind: 'Choice', choices, ...extra });

const owners: RoleAssignmentDef = { principal: 'owners', role: 'fullControl' };
const everyoneReads: RoleAssignmentDef = { principal: 'everyone', role: 'read' };
const everyoneAdds: RoleAssignmentDef = { principal: 'everyone', role: 'addOwn' };
const commsEdit: RoleAssignmentDef = { principal: 'comms', role: 'contribute' };
const commsReadAll: RoleAssignmentDef = { principal: 'comms', role: 'readAll' };
const headsReadAll: RoleAssignmentDef = { principal: 'commsHeads', role: 'readAll' };

export const LISTS_V1 = {
  policyVersions: {
    key: 'policyVersions',
    title: 'SMH Policy Versions',
    description: 'Published versions of the social media policy. A major version asks staff to acknowledge again.',
    enableVersioning: true,
    // Comms add versions but cannot change or delete a published one: the history stays true.
    permissions: [owners, everyoneReads, { principal: 'comms', role: 'addOwn' }],
    fields: [
      num('VersionNumber', 'Version number', { required: true, indexed: true, unique: true, description: 'major × 1000 + minor, for sorting' }),
      text('VersionLabel', 'Version label', { required: true, maxLength: 20 }),
      num('Major', 'Major version', { required: true, indexed: true }),
      bool('IsMajor', 'Requires acknowledgement'),
      choice('Status', 'Status', ['Draft', 'Published'], { required: true, indexed: true }),
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
    enableVersioning: true,
    permissions: [owners, everyoneReads, commsEdit],
    fields: [
      choice('Platform', 'Platform', PLATFORMS, { required: true, indexed: true }),
      text('Handle', 'Handle', { required: true, indexed: true }),
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
      num('HealthScore', 'Health score', { indexed: true })
    ]
  },
  requests: {
    key: 'requests',
    title: 'SMH Requests',
    description: 'Requests to comms: new accounts, paid campaigns, closures, ideas and questions.',
    // The previous version asked for read-own-only here too, but SharePoint refuses a unique column on
    // such a list (the strict emulator does as well), so the site it could actually leave behind has
    // the unique Submission id on a list everyone reads.
    writeSecurity: 2,
    enableVersioning: true,
    permissions: [owners, { principal: 'everyone', role: 'contribute' }, commsReadAll, headsReadAll],
    fields: [
      choice('RequestType', 'Request type', REQUEST_TYPES, { required: true, indexed: true }),
      text('SubmissionId', 'Submission id', { required: true, indexed: true, unique: true, maxLength: 64 }),
      note('Details', 'Details (JSON)', { required: true }),
      date('SubmittedAt', 'Submitted at', { indexed: true })
    ]
  },
  reviews: {
    key: 'reviews',
    title: 'SMH Reviews',
    description: 'Comms reviews of requests. A request\'s state comes from its reviews and decisions.',
    permissions: [owners, commsEdit, { principal: 'commsHeads', role: 'read' }],
    fields: [
      num('RequestId', 'Request id', { required: true, indexed: true }),
      choice('Outcome', 'Outcome', ['To decision', 'More information', 'Reject'], { required: true }),
      note('Reason', 'Reason')
    ]
  },
  decisions: {
    key: 'decisions',
    title: 'SMH Decisions',
    description: 'Final decisions of the head of communications.',
    permissions: [owners, { principal: 'commsHeads', role: 'contribute' }, { principal: 'comms', role: 'read' }],
    fields: [
      num('RequestId', 'Request id', { required: true, indexed: true }),
      choice('Outcome', 'Outcome', ['Approve', 'Reject'], { required: true }),
      note('Reason', 'Reason', { required: true })
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
      date('FiledAt', 'Filed at', { indexed: true })
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
      date('RotatedAt', 'Last rotated', { indexed: true })
    ]
  },
  vaultKeys: {
    key: 'vaultKeys',
    title: 'SMH Vault Keys',
    description: 'Public keys and passphrase-wrapped private keys of comms members.',
    permissions: [owners, commsEdit],
    fields: [
      user('Member', 'Comms member', { required: true, indexed: true }),
      note('PublicKey', 'Public key (JWK)', { required: true }),
      note('WrappedPrivateKey', 'Wrapped private key', { required: true })
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
    description: 'Delivery reports of Teams notifications, so comms can see and retry what was not delivered.',
    // Only comms write here, so nobody else can make a failed delivery look delivered.
    permissions: [owners, commsEdit, { principal: 'commsHeads', role: 'read' }],
    fields: [
      text('TargetList', 'List', { required: true, indexed: true, maxLength: 80 }),
      num('TargetId', 'Item id', { required: true, indexed: true }),
      text('ActivityType', 'Activity type', { maxLength: 40 }),
      note('Report', 'Delivery report (JSON)', { required: true })
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



export const ALL_LISTS_V1: readonly ListDef[] = Object.values(LISTS_V1);

// SPBasePermissions bits (low 32 bits) used to build our two custom roles from the built-in Read.
const READ_LOW = 0x8431061; // View, Open items, View versions, View forms, Open, View pages, Self-service sites, Browse user info
const READ_HIGH = 0xb0; // Use client integration, Use remote APIs, Create alerts
const ADD_LIST_ITEMS = 0x2;
const OVERRIDE_LIST_BEHAVIORS = 0x100; // SPBasePermissions.CancelCheckout: read and edit items of others on "own items only" lists

export const ROLE_DEFINITIONS_V1: readonly RoleDefinitionDef[] = [
  { role: 'fullControl', name: 'Full Control', builtInRoleType: 5 },
  { role: 'edit', name: 'Edit', builtInRoleType: 6 },
  { role: 'contribute', name: 'Contribute', builtInRoleType: 3 },
  { role: 'read', name: 'Read', builtInRoleType: 2 },
  {
    role: 'addOwn',
    name: 'Social Media Hub - Add only',
    description: 'Read and add items; no changes or deletions afterwards. Used for append-only records.',
    basePermissions: { High: READ_HIGH, Low: READ_LOW | ADD_LIST_ITEMS }
  },
  {
    role: 'readAll',
    name: 'Social Media Hub - Read all entries',
    description: "Read every item of lists where people otherwise see only their own.",
    basePermissions: { High: READ_HIGH, Low: READ_LOW | OVERRIDE_LIST_BEHAVIORS }
  }
];

export const GROUPS_V1: readonly GroupDef[] = [
  {
    principal: 'comms',
    title: 'Social Media Hub Comms',
    description: 'The communications team: reviews requests, keeps the register, reads reports, holds the vault.'
  },
  {
    principal: 'commsHeads',
    title: 'Social Media Hub Comms Heads',
    description: 'The head of communications: takes the final decision on new accounts and paid campaigns.'
  }
];
