// The people of the emulated tenant (Entra ID directory). SharePoint site users and Graph users are
// both derived from this list, so a person has one identity across the two emulated services.

export interface DirectoryUser {
  /** Entra object id (GUID), as Graph reports it. */
  id: string;
  /** User principal name, also the e-mail address. */
  upn: string;
  displayName: string;
  jobTitle: string;
  department: string;
  /** false for a leaver: the directory says the account is disabled. */
  accountEnabled: boolean;
  /** Entra's userType: a guest from another organisation is 'Guest' (absent means 'Member'). */
  userType?: 'Member' | 'Guest';
  /** The e-mail address when it is not the UPN (a guest's own address, for one). */
  mail?: string;
  /** The persona the workbench's user switcher shows. */
  persona: 'staff' | 'owner' | 'backup' | 'comms' | 'commsHead' | 'siteOwner' | 'leaver';
  /**
   * false when the Teams app is not installed for this person (neither personally nor in a team of
   * theirs), so Teams activity notifications cannot reach them. Absent means installed.
   */
  teamsAppInstalled?: boolean;
}

export const TENANT_DOMAIN = 'northshire.gov.uk';

// Ben Hughes, a backup owner, is the one person the Teams app has not been installed for: the
// workbench and the browser tests show how the hub reports someone it cannot reach in Teams.
export const SEED_PEOPLE: readonly DirectoryUser[] = [
  { id: '7a1d5c0e-1b2f-4c3d-9e8f-000000000001', upn: 'sam.patel@northshire.gov.uk', displayName: 'Sam Patel', jobTitle: 'Housing Officer', department: 'Housing', accountEnabled: true, persona: 'staff' },
  { id: '7a1d5c0e-1b2f-4c3d-9e8f-000000000002', upn: 'olivia.reed@northshire.gov.uk', displayName: 'Olivia Reed', jobTitle: 'Libraries Engagement Lead', department: 'Libraries', accountEnabled: true, persona: 'owner' },
  { id: '7a1d5c0e-1b2f-4c3d-9e8f-000000000003', upn: 'ben.hughes@northshire.gov.uk', displayName: 'Ben Hughes', jobTitle: 'Library Assistant', department: 'Libraries', accountEnabled: true, persona: 'backup', teamsAppInstalled: false },
  { id: '7a1d5c0e-1b2f-4c3d-9e8f-000000000004', upn: 'chris.morgan@northshire.gov.uk', displayName: 'Chris Morgan', jobTitle: 'Communications Officer', department: 'Communications', accountEnabled: true, persona: 'comms' },
  { id: '7a1d5c0e-1b2f-4c3d-9e8f-000000000005', upn: 'hannah.lewis@northshire.gov.uk', displayName: 'Hannah Lewis', jobTitle: 'Head of Communications', department: 'Communications', accountEnabled: true, persona: 'commsHead' },
  { id: '7a1d5c0e-1b2f-4c3d-9e8f-000000000006', upn: 'simon.clarke@northshire.gov.uk', displayName: 'Simon Clarke', jobTitle: 'Intranet Manager', department: 'Digital', accountEnabled: true, persona: 'siteOwner' },
  { id: '7a1d5c0e-1b2f-4c3d-9e8f-000000000007', upn: 'leah.ward@northshire.gov.uk', displayName: 'Leah Ward', jobTitle: 'Events Coordinator (left)', department: 'Culture', accountEnabled: false, persona: 'leaver' }
];

/** A security or Microsoft 365 group; members are people (by object id) or other groups (nested). */
export interface DirectoryGroup {
  id: string;
  displayName: string;
  memberIds: readonly string[];
}

const personId = (n: number): string => `7a1d5c0e-1b2f-4c3d-9e8f-00000000000${n}`;

// Groups a site owner can choose as the policy's audience. "All Northshire staff" holds everyone,
// the leaver included (groups keep leavers until someone tidies up); "Customer-facing services"
// nests the libraries team, so only a transitive read finds Olivia and Ben.
export const SEED_GROUPS: readonly DirectoryGroup[] = [
  { id: '3c9e2b7a-4d1f-4a8e-b6c5-100000000001', displayName: 'All Northshire staff', memberIds: [1, 2, 3, 4, 5, 6, 7].map(personId) },
  { id: '3c9e2b7a-4d1f-4a8e-b6c5-100000000002', displayName: 'Libraries team', memberIds: [2, 3].map(personId) },
  { id: '3c9e2b7a-4d1f-4a8e-b6c5-100000000003', displayName: 'Customer-facing services', memberIds: [personId(1), '3c9e2b7a-4d1f-4a8e-b6c5-100000000002'] }
];

export function claimsLogin(upn: string): string {
  return `i:0#.f|membership|${upn}`;
}
