// SharePoint's permission model: SPBasePermissions masks (64 bits as High/Low halves), role
// assignments on web, list and item with inheritance, groups, the Everyone claim, site admins, and
// the list-level ReadSecurity/WriteSecurity rules.
import type { ItemRecord, ListRecord, RoleAssignmentRecord, SiteState, SiteUserRecord } from './model';
import { spErrors } from './errors';

/** SPBasePermissions bit values (PnPjs' PermissionKind n is bit n-1). */
export const Perm = {
  ViewListItems: 0x1n,
  AddListItems: 0x2n,
  EditListItems: 0x4n,
  DeleteListItems: 0x8n,
  ApproveItems: 0x10n,
  OpenItems: 0x20n,
  ViewVersions: 0x40n,
  /** Shown in the UI as "Override List Behaviors": it lifts ReadSecurity/WriteSecurity. */
  CancelCheckout: 0x100n,
  ManageLists: 0x800n,
  ViewFormPages: 0x1000n,
  Open: 0x10000n,
  ViewPages: 0x20000n,
  CreateGroups: 0x1000000n,
  ManagePermissions: 0x2000000n,
  BrowseUserInfo: 0x8000000n,
  ManageWeb: 0x40000000n,
  UseRemoteAPIs: 1n << 37n,
  EnumeratePermissions: 1n << 62n
} as const;

export const FULL_MASK = (0x7fffffffn << 32n) | 0xffffffffn;

export function maskOf(high: number, low: number): bigint {
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

export function splitMask(mask: bigint): { High: string; Low: string } {
  return { High: String(Number((mask >> 32n) & 0xffffffffn)), Low: String(Number(mask & 0xffffffffn)) };
}

export function has(mask: bigint, perm: bigint): boolean {
  return (mask & perm) === perm;
}

/** Everything the permission checks need to know about the caller, computed once per request. */
export interface Principal {
  user: SiteUserRecord;
  /** The user id, every group the user is in (directly or via the Everyone claim), and the claim itself. */
  principalIds: Set<number>;
  isSiteAdmin: boolean;
}

/**
 * Whether the "Everyone except external users" claim covers the person: enabled members of the
 * tenant, not guests (Entra userType "Guest", or a #EXT# UPN), who are outside it by its very name.
 */
export function inEveryoneClaim(person: { accountEnabled: boolean; upn: string } | undefined): boolean {
  if (!person) return true;
  const userType = (person as { userType?: unknown }).userType;
  return person.accountEnabled && userType !== 'Guest' && !person.upn.includes('#EXT#');
}

export function principalFor(site: SiteState, user: SiteUserRecord, enabled: boolean): Principal {
  const ids = new Set<number>([user.Id]);
  const everyone = site.users.find((u) => u.isEveryone);
  if (everyone && enabled && user.PrincipalType === 1) ids.add(everyone.Id);
  for (const g of site.groups) {
    if (g.MemberIds.some((m) => ids.has(m) && m !== g.Id)) ids.add(g.Id);
  }
  return { user, principalIds: ids, isSiteAdmin: user.IsSiteAdmin };
}

export function maskFromAssignments(site: SiteState, assignments: RoleAssignmentRecord[], who: Pick<Principal, 'principalIds'>): bigint {
  let mask = 0n;
  for (const ra of assignments) {
    if (!who.principalIds.has(ra.PrincipalId)) continue;
    for (const id of ra.RoleDefinitionIds) {
      const def = site.roleDefinitions.find((d) => d.Id === id);
      if (def) mask |= maskOf(def.High, def.Low);
    }
  }
  return mask;
}

export function webMask(site: SiteState, who: Principal): bigint {
  if (who.isSiteAdmin) return FULL_MASK;
  return maskFromAssignments(site, site.webRoleAssignments, who);
}

export function listMask(site: SiteState, list: ListRecord, who: Principal): bigint {
  if (who.isSiteAdmin) return FULL_MASK;
  return list.roleAssignments ? maskFromAssignments(site, list.roleAssignments, who) : webMask(site, who);
}

/** The item's own role-based mask; pass the list mask when the caller already computed it. */
export function itemMask(site: SiteState, list: ListRecord, item: ItemRecord, who: Principal, inherited?: bigint): bigint {
  if (who.isSiteAdmin) return FULL_MASK;
  if (item.roleAssignments) return maskFromAssignments(site, item.roleAssignments, who);
  return inherited ?? listMask(site, list, who);
}

/** Can the caller see the item, applying the list's ReadSecurity like SharePoint does? */
export function canViewItem(list: ListRecord, item: ItemRecord, who: Principal, mask: bigint, listLevel: bigint): boolean {
  if (!has(mask, Perm.ViewListItems)) return false;
  if (list.ReadSecurity === 2 && !has(listLevel, Perm.CancelCheckout)) return item.AuthorId === who.user.Id;
  return true;
}

/** Applies WriteSecurity: 2 only own items, 4 nobody, unless the caller may override list behaviours. */
export function assertWriteSecurity(list: ListRecord, item: ItemRecord | undefined, who: Principal, listLevel: bigint): void {
  if (has(listLevel, Perm.CancelCheckout)) return;
  if (list.WriteSecurity === 4) throw spErrors.accessDenied();
  if (list.WriteSecurity === 2 && item && item.AuthorId !== who.user.Id) throw spErrors.accessDenied();
}

export function demand(mask: bigint, perm: bigint): void {
  if (!has(mask, perm)) throw spErrors.accessDenied();
}
