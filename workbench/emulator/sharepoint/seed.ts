// A fresh site collection as SharePoint Online provisions one: the built-in role definitions with
// their real ids and permission masks, the three associated groups, and the claim that lets every
// employee read the site.
import { randomBytes, randomUUID } from 'node:crypto';
import { claimsLogin, type DirectoryUser } from '../directory';
import type { RoleDefinitionRecord, SiteState, SiteUserRecord } from './model';

export const SITE_TITLE = 'Social Media Hub';
/** Entra tenant id of the emulated organisation; it appears inside the Everyone claim. */
export const TENANT_ID = '3f6c1a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
export const EVERYONE_LOGIN = `c:0-.f|rolemanager|spo-grid-all-users/${TENANT_ID}`;

export const ROLE_IDS = {
  fullControl: 1073741829,
  design: 1073741828,
  edit: 1073741830,
  contribute: 1073741827,
  read: 1073741826,
  limitedAccess: 1073741825
} as const;

function builtInRoleDefinitions(): RoleDefinitionRecord[] {
  return [
    { Id: ROLE_IDS.fullControl, Name: 'Full Control', Description: 'Has full control.', RoleTypeKind: 5, Order: 1, Hidden: false, High: 2147483647, Low: 4294967295 },
    { Id: ROLE_IDS.design, Name: 'Design', Description: 'Can view, add, update, delete, approve, and customize.', RoleTypeKind: 4, Order: 32, Hidden: false, High: 432, Low: 1012866047 },
    { Id: ROLE_IDS.edit, Name: 'Edit', Description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', RoleTypeKind: 6, Order: 48, Hidden: false, High: 432, Low: 1011030767 },
    { Id: ROLE_IDS.contribute, Name: 'Contribute', Description: 'Can view, add, update, and delete list items and documents.', RoleTypeKind: 3, Order: 64, Hidden: false, High: 432, Low: 1011028719 },
    { Id: ROLE_IDS.read, Name: 'Read', Description: 'Can view pages and list items and download documents.', RoleTypeKind: 2, Order: 128, Hidden: false, High: 176, Low: 138612833 },
    { Id: ROLE_IDS.limitedAccess, Name: 'Limited Access', Description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.', RoleTypeKind: 1, Order: 160, Hidden: true, High: 48, Low: 134287360 }
  ];
}

export function siteUserFromDirectory(id: number, person: DirectoryUser, isSiteAdmin: boolean): SiteUserRecord {
  return {
    Id: id,
    LoginName: claimsLogin(person.upn),
    Title: person.displayName,
    Email: person.upn,
    UserPrincipalName: person.upn,
    IsSiteAdmin: isSiteAdmin,
    PrincipalType: 1,
    IsHiddenInUI: false,
    directoryId: person.id
  };
}

export function createSeedSite(directory: readonly DirectoryUser[]): SiteState {
  const owner = directory.find((p) => p.persona === 'siteOwner');
  const users: SiteUserRecord[] = [];
  // SharePoint numbers groups and users from one sequence; 3-5 are the associated groups on a new site.
  const ownersId = 3;
  const visitorsId = 4;
  const membersId = 5;
  let next = 6;
  let ownerId = ownersId;
  if (owner) {
    ownerId = next++;
    // A group-connected site's owners are site collection administrators.
    users.push(siteUserFromDirectory(ownerId, owner, true));
  }
  const everyoneId = next++;
  users.push({
    Id: everyoneId,
    LoginName: EVERYONE_LOGIN,
    Title: 'Everyone except external users',
    Email: '',
    UserPrincipalName: null,
    IsSiteAdmin: false,
    PrincipalType: 4,
    IsHiddenInUI: false,
    isEveryone: true
  });
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    schema: 1,
    siteId: randomUUID(),
    webId: randomUUID(),
    webTitle: SITE_TITLE,
    webDescription: 'The organisation\'s social media policy, accounts and requests.',
    created: now,
    digestSecret: randomBytes(32).toString('hex'),
    nextPrincipalId: next,
    nextRoleDefinitionId: 1073741924,
    users,
    groups: [
      { Id: ownersId, Title: `${SITE_TITLE} Owners`, Description: '', OwnerId: ownersId, MemberIds: owner ? [ownerId] : [], AllowMembersEditMembership: false, OnlyAllowMembersViewMembership: false },
      { Id: visitorsId, Title: `${SITE_TITLE} Visitors`, Description: '', OwnerId: ownersId, MemberIds: [everyoneId], AllowMembersEditMembership: false, OnlyAllowMembersViewMembership: false },
      { Id: membersId, Title: `${SITE_TITLE} Members`, Description: '', OwnerId: ownersId, MemberIds: [], AllowMembersEditMembership: true, OnlyAllowMembersViewMembership: false }
    ],
    roleDefinitions: builtInRoleDefinitions(),
    webRoleAssignments: [
      { PrincipalId: ownersId, RoleDefinitionIds: [ROLE_IDS.fullControl] },
      { PrincipalId: visitorsId, RoleDefinitionIds: [ROLE_IDS.read] },
      { PrincipalId: membersId, RoleDefinitionIds: [ROLE_IDS.edit] }
    ],
    associatedOwnerGroupId: ownersId,
    associatedMemberGroupId: membersId,
    associatedVisitorGroupId: visitorsId,
    lists: [],
    recycleBin: []
  };
}
