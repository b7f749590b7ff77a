// Site users and site groups: the User Information List entries SharePoint keeps per site
// collection, ensureUser, and group membership.
import { claimsLogin, type DirectoryUser } from '../directory';
import { spErrors } from './errors';
import type { SiteGroupRecord, SiteState, SiteUserRecord } from './model';
import { Entity } from './odata-format';
import { siteUserFromDirectory, EVERYONE_LOGIN } from './seed';

export function userEntity(u: SiteUserRecord): Entity {
  return new Entity('SP.User', `Web/GetUserById(${u.Id})`, {
    Id: u.Id,
    IsHiddenInUI: u.IsHiddenInUI,
    LoginName: u.LoginName,
    Title: u.Title,
    PrincipalType: u.PrincipalType,
    Email: u.Email,
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: u.IsSiteAdmin,
    UserId: u.directoryId
      ? { NameId: u.directoryId.replace(/-/g, '').slice(0, 16), NameIdIssuer: 'urn:federation:microsoftonline' }
      : null,
    UserPrincipalName: u.UserPrincipalName
  });
}

/** `canView` is the caller's CanCurrentUserViewMembership; omitted where no caller is known. */
export function groupEntity(site: SiteState, g: SiteGroupRecord, canView?: boolean): Entity {
  const owner = site.groups.find((x) => x.Id === g.OwnerId) ?? site.users.find((x) => x.Id === g.OwnerId);
  return new Entity('SP.Group', `Web/SiteGroups/GetById(${g.Id})`, {
    Id: g.Id,
    IsHiddenInUI: false,
    LoginName: g.Title,
    Title: g.Title,
    PrincipalType: 8,
    AllowMembersEditMembership: g.AllowMembersEditMembership,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    ...(canView === undefined ? {} : { CanCurrentUserViewMembership: canView }),
    Description: g.Description,
    OnlyAllowMembersViewMembership: g.OnlyAllowMembersViewMembership,
    OwnerTitle: owner?.Title ?? '',
    RequestToJoinLeaveEmailSetting: null
  });
}

/** The person behind a logon name: claims login, UPN or e-mail. */
export function upnFromLogin(login: string): string {
  const parts = login.split('|');
  return parts[parts.length - 1].trim().toLowerCase();
}

export function findUserByLogin(site: SiteState, login: string): SiteUserRecord | undefined {
  const l = login.trim().toLowerCase();
  if (l === EVERYONE_LOGIN.toLowerCase()) return site.users.find((u) => u.isEveryone);
  const upn = upnFromLogin(l);
  return site.users.find((u) => u.LoginName.toLowerCase() === l || (u.UserPrincipalName ?? '').toLowerCase() === upn);
}

/** SharePoint's ensureUser: the site user for a directory person, added on first use. */
export function ensureUser(site: SiteState, directory: readonly DirectoryUser[], login: string, onCreate: () => void): SiteUserRecord {
  const existing = findUserByLogin(site, login);
  if (existing) return existing;
  const upn = upnFromLogin(login);
  const person = directory.find((p) => p.upn.toLowerCase() === upn);
  if (!person) throw spErrors.userNotFound(login);
  const user = siteUserFromDirectory(site.nextPrincipalId++, person, false);
  site.users.push(user);
  onCreate();
  return user;
}

export function ensureDirectoryPerson(site: SiteState, person: DirectoryUser, onCreate: () => void): SiteUserRecord {
  return ensureUser(site, [person], claimsLogin(person.upn), onCreate);
}

export function findGroup(site: SiteState, by: { id?: number; name?: string }): SiteGroupRecord {
  const g = by.id !== undefined
    ? site.groups.find((x) => x.Id === by.id)
    : site.groups.find((x) => x.Title.toLowerCase() === String(by.name).toLowerCase());
  if (!g) throw spErrors.groupNotFound();
  return g;
}

export function findUserById(site: SiteState, id: number): SiteUserRecord {
  const u = site.users.find((x) => x.Id === id);
  if (!u) throw spErrors.principalNotFound();
  return u;
}

export function principalExists(site: SiteState, id: number): boolean {
  return site.users.some((u) => u.Id === id) || site.groups.some((g) => g.Id === id);
}
