// Role definitions and the securable-object endpoints shared by web, list and item:
// roleassignments, addroleassignment/removeroleassignment, breakroleinheritance,
// resetroleinheritance, EffectiveBasePermissions, getusereffectivepermissions, HasUniqueRoleAssignments.
import { ok, emptyOk, jsonBody, type SpContext, type SpResult } from './context';
import { spErrors, SpError } from './errors';
import type { RoleAssignmentRecord, RoleDefinitionRecord, SiteState } from './model';
import { Complex, Entity } from './odata-format';
import { FULL_MASK, Perm, demand, maskFromAssignments, principalFor, splitMask, inEveryoneClaim } from './permissions';
import { findUserByLogin, groupEntity, principalExists, userEntity } from './principals';
import { expands, project, queryEntities, listParam } from './projection';
import type { Segment } from './path-segments';
import { ROLE_IDS } from './seed';

/** A web, list or item as far as permissions go. */
export interface Securable {
  /** Path below _api, e.g. "Web/Lists(guid'…')". */
  editLink: string;
  /** null while inheriting (never null for the web). */
  own(): RoleAssignmentRecord[] | null;
  setOwn(assignments: RoleAssignmentRecord[] | null): void;
  /** The assignments in force: own, or the nearest ancestor's. */
  effective(): RoleAssignmentRecord[];
  /** The caller's permission mask on this object. */
  callerMask(): bigint;
  /** The mask of any principal on this object (for getusereffectivepermissions). */
  maskFor(login: string): bigint;
  /** Gives a principal Limited Access on the unique-permission ancestors, as SharePoint does. */
  grantLimitedAccessAbove(principalId: number): void;
  /** Drops unique permissions below this object (clearSubscopes=true). */
  clearSubscopes(): void;
}

export function roleDefinitionEntity(d: RoleDefinitionRecord): Entity {
  return new Entity('SP.RoleDefinition', `Web/RoleDefinitions(${d.Id})`, {
    BasePermissions: new Complex('SP.BasePermissions', { High: String(d.High >>> 0), Low: String(d.Low >>> 0) }),
    Description: d.Description,
    Hidden: d.Hidden,
    Id: d.Id,
    Name: d.Name,
    Order: d.Order,
    RoleTypeKind: d.RoleTypeKind
  });
}

function findRoleDefinition(site: SiteState, seg: Segment | undefined): RoleDefinitionRecord {
  let def: RoleDefinitionRecord | undefined;
  const arg = seg?.positional[0];
  switch (seg?.key) {
    case 'getbyname': def = site.roleDefinitions.find((d) => d.Name.toLowerCase() === String(arg).toLowerCase()); break;
    case 'getbytype': def = site.roleDefinitions.find((d) => d.RoleTypeKind === Number(arg)); break;
    case 'getbyid': def = site.roleDefinitions.find((d) => d.Id === Number(arg)); break;
    default: break;
  }
  if (!def) throw spErrors.roleDefinitionNotFound();
  return def;
}

function parseMaskProp(v: unknown): { High: number; Low: number } {
  const o = (v ?? {}) as { High?: unknown; Low?: unknown };
  const high = Number(o.High ?? 0), low = Number(o.Low ?? 0);
  if (!Number.isFinite(high) || !Number.isFinite(low)) throw spErrors.badValue('BasePermissions High and Low must be numbers.');
  return { High: high >>> 0, Low: low >>> 0 };
}

/** web/roledefinitions[...] */
export function handleRoleDefinitions(ctx: SpContext, rest: Segment[]): SpResult {
  const { site, req } = ctx;
  const select = listParam(ctx.query, '$select');
  if (rest.length === 0) {
    if (req.method === 'GET') {
      return ok({ kind: 'collection', set: 'SP.ApiData.RoleDefinitions', entities: queryEntities(site.roleDefinitions.map(roleDefinitionEntity), ctx.query) });
    }
    if (req.method === 'POST') {
      demand(webCallerMask(ctx), Perm.ManagePermissions);
      const b = jsonBody(ctx);
      const name = String(b.Name ?? '').trim();
      if (!name) throw spErrors.badValue('The permission level needs a Name.');
      if (site.roleDefinitions.some((d) => d.Name.toLowerCase() === name.toLowerCase())) {
        throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The permission level name is already in use. Please choose another name.');
      }
      const mask = parseMaskProp(b.BasePermissions);
      const def: RoleDefinitionRecord = {
        Id: site.nextRoleDefinitionId++, Name: name, Description: String(b.Description ?? ''), RoleTypeKind: 0,
        Order: Number(b.Order ?? 1000), Hidden: false, High: mask.High, Low: mask.Low
      };
      site.roleDefinitions.push(def);
      ctx.dirty();
      return ok({ kind: 'entity', set: 'SP.ApiData.RoleDefinitions', entity: roleDefinitionEntity(def) }, 201);
    }
    throw spErrors.methodNotAllowed(req.method, 'roledefinitions');
  }
  let seg = rest[0];
  // roledefinitions(5) is the collection-key form of getById.
  if (seg.key === 'roledefinitions' || (seg.hasArgs && !['getbyname', 'getbytype', 'getbyid'].includes(seg.key))) {
    seg = { ...seg, key: 'getbyid' };
  }
  const def = findRoleDefinition(site, seg);
  if (rest.length > 1) throw spErrors.notEmulated(`roledefinitions/.../${rest[1].name}`);
  if (req.method === 'GET') return ok({ kind: 'entity', set: 'SP.ApiData.RoleDefinitions', entity: project(roleDefinitionEntity(def), select) });
  demand(webCallerMask(ctx), Perm.ManagePermissions);
  if (req.method === 'MERGE' || req.method === 'PATCH') {
    if (def.RoleTypeKind !== 0) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'You cannot customize permission levels in a web site with inherited permission levels.');
    const b = jsonBody(ctx);
    if (b.Name !== undefined) def.Name = String(b.Name);
    if (b.Description !== undefined) def.Description = String(b.Description);
    if (b.Order !== undefined) def.Order = Number(b.Order);
    if (b.BasePermissions !== undefined) Object.assign(def, parseMaskProp(b.BasePermissions));
    ctx.dirty();
    return { status: 204, payload: { kind: 'empty' } };
  }
  if (req.method === 'DELETE') {
    if (def.RoleTypeKind !== 0) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'Built-in permission levels cannot be deleted.');
    site.roleDefinitions = site.roleDefinitions.filter((d) => d !== def);
    const strip = (ras: RoleAssignmentRecord[] | null | undefined) => ras?.forEach((ra) => { ra.RoleDefinitionIds = ra.RoleDefinitionIds.filter((id) => id !== def.Id); });
    strip(site.webRoleAssignments);
    for (const l of site.lists) { strip(l.roleAssignments); l.items.forEach((i) => strip(i.roleAssignments)); }
    ctx.dirty();
    return emptyOk();
  }
  throw spErrors.methodNotAllowed(req.method, 'a role definition');
}

export function webCallerMask(ctx: SpContext): bigint {
  return webSecurable(ctx).callerMask();
}

export function webSecurable(ctx: SpContext): Securable {
  const { site } = ctx;
  return {
    editLink: 'Web',
    own: () => site.webRoleAssignments,
    setOwn: (ras) => { site.webRoleAssignments = ras ?? []; },
    effective: () => site.webRoleAssignments,
    callerMask: () => (ctx.who.isSiteAdmin ? maskAllFor(ctx) : maskFromAssignments(ctx.site, site.webRoleAssignments, ctx.who)),
    maskFor: (login) => maskForLogin(ctx, login, () => site.webRoleAssignments),
    grantLimitedAccessAbove: () => undefined,
    clearSubscopes: () => {
      for (const l of site.lists) { l.roleAssignments = null; l.items.forEach((i) => delete i.roleAssignments); }
    }
  };
}

function maskAllFor(_ctx: SpContext): bigint {
  return FULL_MASK;
}

export function maskForLogin(ctx: SpContext, login: string, effective: () => RoleAssignmentRecord[]): bigint {
  const user = findUserByLogin(ctx.site, login);
  if (!user) throw spErrors.userNotFound(login);
  const person = ctx.directory.find((p) => p.upn.toLowerCase() === (user.UserPrincipalName ?? '').toLowerCase());
  const who = principalFor(ctx.site, user, inEveryoneClaim(person));
  if (who.isSiteAdmin) return maskAllFor(ctx);
  return maskFromAssignments(ctx.site, effective(), who);
}

function roleAssignmentEntity(ctx: SpContext, scope: Securable, ra: RoleAssignmentRecord, expand: Set<string>): Entity {
  const props: Record<string, unknown> = { PrincipalId: ra.PrincipalId };
  if (expand.has('member')) {
    const g = ctx.site.groups.find((x) => x.Id === ra.PrincipalId);
    const u = ctx.site.users.find((x) => x.Id === ra.PrincipalId);
    props.Member = g ? groupEntity(ctx.site, g) : u ? userEntity(u) : null;
  }
  if (expand.has('roledefinitionbindings')) {
    props.RoleDefinitionBindings = ra.RoleDefinitionIds
      .map((id) => ctx.site.roleDefinitions.find((d) => d.Id === id))
      .filter((d): d is RoleDefinitionRecord => !!d)
      .map(roleDefinitionEntity);
  }
  return new Entity('SP.RoleAssignment', `${scope.editLink}/RoleAssignments/GetByPrincipalId(${ra.PrincipalId})`, props);
}

const notOnInheriting = () =>
  new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This operation is not allowed on an object that inherits permissions.');

/**
 * Handles the permission endpoints below a securable; returns undefined when `rest` is not one of them.
 */
export function handleSecurable(ctx: SpContext, scope: Securable, rest: Segment[]): SpResult | undefined {
  const seg = rest[0];
  if (!seg) return undefined;
  const { req, site } = ctx;
  const onlyPost = () => { if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, seg.name); };
  switch (seg.key) {
    case 'effectivebasepermissions':
    case 'effectivebasepermissionsforui':
      return ok({ kind: 'property', name: 'EffectiveBasePermissions', type: 'SP.BasePermissions', value: new Complex('SP.BasePermissions', splitMask(scope.callerMask())) });
    case 'getusereffectivepermissions': {
      demand(scope.callerMask(), Perm.EnumeratePermissions);
      const login = String(seg.positional[0] ?? seg.named.username ?? '');
      return ok({ kind: 'property', name: 'GetUserEffectivePermissions', type: 'SP.BasePermissions', value: new Complex('SP.BasePermissions', splitMask(scope.maskFor(login))) });
    }
    case 'hasuniqueroleassignments':
      return ok({ kind: 'property', name: 'HasUniqueRoleAssignments', type: 'Edm.Boolean', value: scope.editLink === 'Web' || scope.own() !== null });
    case 'breakroleinheritance': {
      onlyPost();
      demand(scope.callerMask(), Perm.ManagePermissions);
      const copy = seg.named.copyroleassignments ?? seg.positional[0] ?? false;
      const clear = seg.named.clearsubscopes ?? seg.positional[1] ?? false;
      if (scope.own() === null) {
        scope.setOwn(copy === true ? scope.effective().map((ra) => ({ PrincipalId: ra.PrincipalId, RoleDefinitionIds: [...ra.RoleDefinitionIds] })) : []);
        if (copy !== true) {
          // SharePoint keeps the caller able to manage what they just broke.
          scope.own()!.push({ PrincipalId: ctx.who.user.Id, RoleDefinitionIds: [ROLE_IDS.fullControl] });
        }
      }
      if (clear === true) scope.clearSubscopes();
      ctx.dirty();
      return ok({ kind: 'property', name: 'BreakRoleInheritance', type: 'Edm.Null', value: null });
    }
    case 'resetroleinheritance': {
      onlyPost();
      demand(scope.callerMask(), Perm.ManagePermissions);
      if (scope.editLink === 'Web') throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The root web of a site collection always has unique permissions.');
      scope.setOwn(null);
      ctx.dirty();
      return ok({ kind: 'property', name: 'ResetRoleInheritance', type: 'Edm.Null', value: null });
    }
    case 'roleassignments':
      return handleRoleAssignments(ctx, scope, rest.slice(1));
    case 'firstuniqueancestorsecurableobject':
      throw spErrors.notEmulated('FirstUniqueAncestorSecurableObject');
    default:
      void site;
      return undefined;
  }
}

function handleRoleAssignments(ctx: SpContext, scope: Securable, rest: Segment[]): SpResult {
  const { req, site } = ctx;
  const expand = expands(ctx.query);
  const select = listParam(ctx.query, '$select');
  if (rest.length === 0) {
    if (req.method !== 'GET') throw spErrors.methodNotAllowed(req.method, 'roleassignments');
    demand(scope.callerMask(), Perm.EnumeratePermissions);
    const entities = scope.effective().map((ra) => roleAssignmentEntity(ctx, scope, ra, expand));
    return ok({ kind: 'collection', set: 'SP.ApiData.RoleAssignments', entities: queryEntities(entities, ctx.query) });
  }
  const seg = rest[0];
  if (seg.key === 'addroleassignment' || seg.key === 'removeroleassignment') {
    if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, seg.name);
    demand(scope.callerMask(), Perm.ManagePermissions);
    const principalId = Number(seg.named.principalid ?? seg.positional[0]);
    const roleDefId = Number(seg.named.roledefid ?? seg.positional[1]);
    if (!principalExists(site, principalId)) throw spErrors.principalNotFound();
    if (!site.roleDefinitions.some((d) => d.Id === roleDefId)) throw spErrors.roleDefinitionNotFound();
    const own = scope.own();
    if (own === null) throw notOnInheriting();
    const existing = own.find((ra) => ra.PrincipalId === principalId);
    if (seg.key === 'addroleassignment') {
      if (existing) { if (!existing.RoleDefinitionIds.includes(roleDefId)) existing.RoleDefinitionIds.push(roleDefId); }
      else own.push({ PrincipalId: principalId, RoleDefinitionIds: [roleDefId] });
      scope.grantLimitedAccessAbove(principalId);
    } else if (existing) {
      existing.RoleDefinitionIds = existing.RoleDefinitionIds.filter((id) => id !== roleDefId);
      if (existing.RoleDefinitionIds.length === 0) scope.setOwn(own.filter((ra) => ra !== existing));
    }
    ctx.dirty();
    return ok({ kind: 'property', name: seg.key === 'addroleassignment' ? 'AddRoleAssignment' : 'RemoveRoleAssignment', type: 'Edm.Null', value: null });
  }
  // roleassignments(5) or roleassignments/getbyprincipalid(5)
  const principalId = Number(seg.key === 'getbyprincipalid' ? seg.positional[0] : seg.positional[0]);
  if (!seg.hasArgs || Number.isNaN(principalId)) throw spErrors.notEmulated(`roleassignments/${seg.name}`);
  demand(scope.callerMask(), Perm.EnumeratePermissions);
  const ra = scope.effective().find((r) => r.PrincipalId === principalId);
  if (!ra) throw new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Can not find the principal with id: ' + principalId + '.');
  const sub = rest[1];
  if (!sub) {
    if (req.method === 'GET') return ok({ kind: 'entity', set: 'SP.ApiData.RoleAssignments', entity: project(roleAssignmentEntity(ctx, scope, ra, expand), select) });
    if (req.method === 'DELETE') {
      demand(scope.callerMask(), Perm.ManagePermissions);
      const own = scope.own();
      if (own === null) throw notOnInheriting();
      scope.setOwn(own.filter((r) => r !== ra));
      ctx.dirty();
      return emptyOk();
    }
    throw spErrors.methodNotAllowed(req.method, 'a role assignment');
  }
  if (sub.key === 'member') {
    const full = roleAssignmentEntity(ctx, scope, ra, new Set(['member']));
    const member = full.props.Member as Entity;
    return ok({ kind: 'entity', set: member.type === 'SP.Group' ? 'SP.ApiData.Groups' : 'SP.ApiData.Users', entity: project(member, select) });
  }
  if (sub.key === 'roledefinitionbindings') {
    const full = roleAssignmentEntity(ctx, scope, ra, new Set(['roledefinitionbindings']));
    return ok({ kind: 'collection', set: 'SP.ApiData.RoleDefinitions', entities: queryEntities(full.props.RoleDefinitionBindings as Entity[], ctx.query) });
  }
  throw spErrors.notEmulated(`roleassignments(...)/${sub.name}`);
}

