// web/currentuser, ensureuser, siteusers, getuserbyid and sitegroups (with their users), shaped
// like PnPjs' site-users and site-groups modules call them.
import { jsonBody, ok, emptyOk, type SpContext, type SpResult } from './context';
import { spErrors, SpError } from './errors';
import type { RoleAssignmentRecord, SiteGroupRecord, SiteUserRecord } from './model';
import type { Segment } from './path-segments';
import { Perm, demand, has } from './permissions';
import { ensureUser, findGroup, findUserById, findUserByLogin, groupEntity, userEntity } from './principals';
import { project, queryEntities, listParam } from './projection';
import { webCallerMask } from './security';

const USERS = 'SP.ApiData.Users';
const GROUPS = 'SP.ApiData.Groups';

function userResult(ctx: SpContext, u: SiteUserRecord, rest: Segment[]): SpResult {
  if (rest.length === 0) {
    if (ctx.req.method === 'GET') return ok({ kind: 'entity', set: USERS, entity: project(userEntity(u), listParam(ctx.query, '$select')) });
    if (ctx.req.method === 'DELETE') {
      demand(webCallerMask(ctx), Perm.ManagePermissions);
      removeSiteUser(ctx, u);
      return emptyOk();
    }
    throw spErrors.methodNotAllowed(ctx.req.method, 'a user');
  }
  if (rest[0].key === 'groups' && rest.length === 1) {
    // SPUser.Groups lists the groups the user was added to by name. Membership that only comes
    // through a claim (Everyone, an Entra security group) grants permissions but is not listed, so
    // code that reads it to decide roles must not count on it.
    const groups = ctx.site.groups.filter((g) => g.MemberIds.includes(u.Id));
    return ok({ kind: 'collection', set: GROUPS, entities: queryEntities(groups.map((g) => groupEntity(ctx.site, g, canViewMembership(ctx, g))), ctx.query) });
  }
  throw spErrors.notEmulated(`users(...)/${rest[0].name}`);
}

function removeSiteUser(ctx: SpContext, u: SiteUserRecord): void {
  if (u.isEveryone) throw spErrors.badValue('The Everyone claim cannot be removed from the site.');
  ctx.site.users = ctx.site.users.filter((x) => x !== u);
  for (const g of ctx.site.groups) g.MemberIds = g.MemberIds.filter((id) => id !== u.Id);
  ctx.dirty();
}

/** Resolves getById(n) / getByEmail('x') / getByLoginName / ('login') / (@v) within a set of users. */
function pickUser(ctx: SpContext, pool: SiteUserRecord[], seg: Segment): SiteUserRecord {
  const arg = seg.positional[0];
  let u: SiteUserRecord | undefined;
  switch (seg.key) {
    case 'getbyid': u = pool.find((x) => x.Id === Number(arg)); break;
    case 'getbyemail': u = pool.find((x) => x.Email.toLowerCase() === String(arg).toLowerCase() && x.Email !== ''); break;
    case 'getbyloginname': case 'siteusers': case 'users': {
      const found = findUserByLogin(ctx.site, String(arg));
      u = found && pool.includes(found) ? found : undefined;
      break;
    }
    default: throw spErrors.notEmulated(`users/${seg.name}`);
  }
  if (!u) throw spErrors.principalNotFound();
  return u;
}

/** siteusers[...] or sitegroups(...)/users[...] */
function handleUsers(ctx: SpContext, usersSeg: Segment, rest: Segment[], group?: SiteGroupRecord): SpResult {
  const { req, site } = ctx;
  // A group set to "Who can view the membership: Group Members" hides its member list from others.
  if (group && !canViewMembership(ctx, group)) throw spErrors.accessDenied();
  const pool = group ? site.users.filter((u) => group.MemberIds.includes(u.Id)) : site.users;
  if (!usersSeg.hasArgs && rest.length === 0) {
    if (req.method === 'GET') return ok({ kind: 'collection', set: USERS, entities: queryEntities(pool.map(userEntity), ctx.query) });
    if (req.method === 'POST') {
      const login = String(jsonBody(ctx).LoginName ?? '');
      if (group) assertCanEditMembership(ctx, group); else demand(webCallerMask(ctx), Perm.ManagePermissions);
      const u = ensureUser(site, ctx.directory, login, ctx.dirty);
      if (group && !group.MemberIds.includes(u.Id)) { group.MemberIds.push(u.Id); ctx.dirty(); }
      return ok({ kind: 'entity', set: USERS, entity: userEntity(u) }, 201);
    }
    throw spErrors.methodNotAllowed(req.method, 'users');
  }
  const seg = usersSeg.hasArgs ? usersSeg : rest[0];
  const after = usersSeg.hasArgs ? rest : rest.slice(1);
  if (seg.key === 'removebyid' || seg.key === 'removebyloginname') {
    if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, seg.name);
    const u = seg.key === 'removebyid' ? pool.find((x) => x.Id === Number(seg.positional[0])) : findUserByLogin(site, String(seg.positional[0]));
    if (!u || !pool.includes(u)) throw spErrors.principalNotFound();
    if (group) {
      assertCanEditMembership(ctx, group);
      group.MemberIds = group.MemberIds.filter((id) => id !== u.Id);
      ctx.dirty();
    } else {
      demand(webCallerMask(ctx), Perm.ManagePermissions);
      removeSiteUser(ctx, u);
    }
    return ok({ kind: 'property', name: seg.name, type: 'Edm.Null', value: null });
  }
  return userResult(ctx, pickUser(ctx, pool, seg), after);
}

function assertCanEditMembership(ctx: SpContext, group: SiteGroupRecord): void {
  if (has(webCallerMask(ctx), Perm.ManagePermissions)) return;
  if (ctx.who.principalIds.has(group.OwnerId) || group.OwnerId === ctx.who.user.Id) return;
  if (group.AllowMembersEditMembership && group.MemberIds.includes(ctx.who.user.Id)) return;
  throw spErrors.accessDenied();
}

/**
 * SP.Group.CanCurrentUserViewMembership: everyone unless OnlyAllowMembersViewMembership is set; then
 * only members, the group's owner (a user, or the members of an owning group) and those who may
 * manage permissions on the site (site collection admins included).
 */
export function canViewMembership(ctx: SpContext, group: SiteGroupRecord): boolean {
  if (!group.OnlyAllowMembersViewMembership) return true;
  if (group.MemberIds.includes(ctx.who.user.Id)) return true;
  if (group.OwnerId === ctx.who.user.Id) return true;
  const owningGroup = ctx.site.groups.find((x) => x.Id === group.OwnerId);
  if (owningGroup?.MemberIds.includes(ctx.who.user.Id)) return true;
  return has(webCallerMask(ctx), Perm.ManagePermissions);
}

function groupResult(ctx: SpContext, g: SiteGroupRecord, rest: Segment[]): SpResult {
  const { req, site } = ctx;
  if (rest.length === 0) {
    if (req.method === 'GET') return ok({ kind: 'entity', set: GROUPS, entity: project(groupEntity(site, g, canViewMembership(ctx, g)), listParam(ctx.query, '$select')) });
    if (req.method === 'MERGE' || req.method === 'PATCH') {
      assertCanEditMembership(ctx, g);
      const b = jsonBody(ctx);
      for (const [k, v] of Object.entries(b)) {
        if (k === '__metadata') continue;
        if (k === 'Title') g.Title = String(v);
        else if (k === 'Description') g.Description = String(v ?? '');
        else if (k === 'AllowMembersEditMembership') g.AllowMembersEditMembership = v === true;
        else if (k === 'OnlyAllowMembersViewMembership') g.OnlyAllowMembersViewMembership = v === true;
        else throw spErrors.propertyNotOnType(k, 'SP.Group');
      }
      ctx.dirty();
      return { status: 204, payload: { kind: 'empty' } };
    }
    throw spErrors.methodNotAllowed(req.method, 'a group');
  }
  if (rest[0].key === 'users') return handleUsers(ctx, rest[0], rest.slice(1), g);
  if (rest[0].key === 'owner' && rest.length === 1) {
    const owner = site.groups.find((x) => x.Id === g.OwnerId);
    if (owner) return ok({ kind: 'entity', set: GROUPS, entity: groupEntity(site, owner) });
    return ok({ kind: 'entity', set: USERS, entity: userEntity(findUserById(site, g.OwnerId)) });
  }
  throw spErrors.notEmulated(`sitegroups(...)/${rest[0].name}`);
}

function removeGroup(ctx: SpContext, g: SiteGroupRecord): void {
  const { site } = ctx;
  if ([site.associatedOwnerGroupId, site.associatedMemberGroupId, site.associatedVisitorGroupId].includes(g.Id)) {
    throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The associated groups of the site cannot be deleted in the emulator.');
  }
  site.groups = site.groups.filter((x) => x !== g);
  const strip = (ras: RoleAssignmentRecord[]) => ras.filter((r) => r.PrincipalId !== g.Id);
  site.webRoleAssignments = strip(site.webRoleAssignments);
  for (const l of site.lists) {
    if (l.roleAssignments) l.roleAssignments = strip(l.roleAssignments);
    for (const i of l.items) if (i.roleAssignments) i.roleAssignments = strip(i.roleAssignments);
  }
  ctx.dirty();
}

/** web/sitegroups[...] */
function handleGroups(ctx: SpContext, groupsSeg: Segment, rest: Segment[]): SpResult {
  const { req, site } = ctx;
  if (!groupsSeg.hasArgs && rest.length === 0) {
    if (req.method === 'GET') return ok({ kind: 'collection', set: GROUPS, entities: queryEntities(site.groups.map((g) => groupEntity(site, g, canViewMembership(ctx, g))), ctx.query) });
    if (req.method === 'POST') {
      demand(webCallerMask(ctx), Perm.CreateGroups);
      const b = jsonBody(ctx);
      const title = String(b.Title ?? '').trim();
      if (!title) throw spErrors.badValue('The group needs a Title.');
      if (site.groups.some((g) => g.Title.toLowerCase() === title.toLowerCase()) || site.users.some((u) => u.LoginName.toLowerCase() === title.toLowerCase())) {
        throw new SpError(400, '-2130575293, Microsoft.SharePoint.SPException', `The specified name is already in use.`);
      }
      const g: SiteGroupRecord = {
        Id: site.nextPrincipalId++, Title: title, Description: String(b.Description ?? ''), OwnerId: ctx.who.user.Id,
        MemberIds: [ctx.who.user.Id], AllowMembersEditMembership: b.AllowMembersEditMembership === true,
        OnlyAllowMembersViewMembership: b.OnlyAllowMembersViewMembership === true
      };
      site.groups.push(g);
      ctx.dirty();
      return ok({ kind: 'entity', set: GROUPS, entity: groupEntity(site, g) }, 201);
    }
    throw spErrors.methodNotAllowed(req.method, 'sitegroups');
  }
  const seg = groupsSeg.hasArgs ? groupsSeg : rest[0];
  const after = groupsSeg.hasArgs ? rest : rest.slice(1);
  const arg = seg.positional[0];
  switch (seg.key) {
    case 'sitegroups': case 'getbyid': return groupResult(ctx, findGroup(site, { id: Number(arg) }), after);
    case 'getbyname': return groupResult(ctx, findGroup(site, { name: String(arg) }), after);
    case 'removebyid': case 'removebyloginname': {
      if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, seg.name);
      demand(webCallerMask(ctx), Perm.ManagePermissions);
      removeGroup(ctx, seg.key === 'removebyid' ? findGroup(site, { id: Number(arg) }) : findGroup(site, { name: String(arg) }));
      return ok({ kind: 'property', name: seg.name, type: 'Edm.Null', value: null });
    }
    default: throw spErrors.notEmulated(`sitegroups/${seg.name}`);
  }
}

/** Returns undefined when the segment is not about principals. */
export function handleWebPrincipals(ctx: SpContext, seg: Segment, rest: Segment[]): SpResult | undefined {
  const { site, req } = ctx;
  switch (seg.key) {
    case 'currentuser': return userResult(ctx, ctx.who.user, rest);
    case 'ensureuser': {
      if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, 'ensureuser');
      const b = jsonBody(ctx);
      const login = String(seg.positional[0] ?? b.logonName ?? '');
      if (!login) throw spErrors.badValue('ensureUser needs a logonName.');
      demand(webCallerMask(ctx), Perm.BrowseUserInfo);
      const u = ensureUser(site, ctx.directory, login, ctx.dirty);
      return ok({ kind: 'entity', set: USERS, entity: userEntity(u) });
    }
    case 'siteusers': return handleUsers(ctx, seg, rest);
    case 'getuserbyid': return userResult(ctx, findUserById(site, Number(seg.positional[0])), rest);
    case 'sitegroups': return handleGroups(ctx, seg, rest);
    case 'associatedownergroup': return groupResult(ctx, findGroup(site, { id: site.associatedOwnerGroupId }), rest);
    case 'associatedmembergroup': return groupResult(ctx, findGroup(site, { id: site.associatedMemberGroupId }), rest);
    case 'associatedvisitorgroup': return groupResult(ctx, findGroup(site, { id: site.associatedVisitorGroupId }), rest);
    default: return undefined;
  }
}

