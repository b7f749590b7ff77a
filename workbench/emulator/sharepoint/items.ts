// list/items endpoints: query, add, get, MERGE with If-Match/ETag, DELETE, recycle, and the item as
// a securable object (unique permissions per item).
import { randomUUID } from 'node:crypto';
import { isoNow, jsonBody, ok, emptyOk, type SpContext, type SpResult } from './context';
import { spErrors } from './errors';
import type { ItemRecord, ListRecord } from './model';
import { assertUnique, validateWrite } from './item-values';
import { etagOf, findItem, itemEntity, itemEditLink, planSelect, queryItems, visibility, lowerBound } from './item-query';
import type { Segment } from './path-segments';
import { Perm, assertWriteSecurity, demand, maskFromAssignments, principalFor, FULL_MASK, inEveryoneClaim } from './permissions';
import { handleSecurable, type Securable } from './security';
import { findUserByLogin } from './principals';
import { ROLE_IDS } from './seed';
import type { SiteState } from './model';
import { validateUpdateListItem } from './validate-update';
import { handleVersions, keepPreviousVersion, nextStamp } from './versions';

function itemSet(list: ListRecord): string {
  return `SP.ListData.${list.EntityName}ListItems`;
}

/** Compares If-Match with the item's ETag; "*" always matches, a missing header never does on MERGE. */
function checkIfMatch(ctx: SpContext, item: ItemRecord, missingMatches: boolean): void {
  const raw = ctx.req.headers['if-match'];
  if (raw === undefined) {
    if (missingMatches) return;
    throw spErrors.etagMismatch('', etagOf(item));
  }
  const sent = raw.trim();
  if (sent === '*') return;
  const norm = sent.replace(/^W\//, '').replace(/"/g, '');
  const version = norm.includes(',') ? norm.split(',').pop() : norm;
  if (version !== String(item.version)) throw spErrors.etagMismatch(sent, etagOf(item));
}

export function addLimitedAccess(site: SiteState, list: ListRecord | undefined, principalId: number): void {
  const grant = (ras: { PrincipalId: number; RoleDefinitionIds: number[] }[] | null) => {
    if (!ras || ras.some((r) => r.PrincipalId === principalId)) return;
    ras.push({ PrincipalId: principalId, RoleDefinitionIds: [ROLE_IDS.limitedAccess] });
  };
  if (list) grant(list.roleAssignments);
  grant(site.webRoleAssignments);
}

function itemSecurable(ctx: SpContext, list: ListRecord, item: ItemRecord): Securable {
  const { site } = ctx;
  const inherited = () => list.roleAssignments ?? site.webRoleAssignments;
  return {
    editLink: itemEditLink(list, item.Id),
    own: () => item.roleAssignments ?? null,
    setOwn: (ras) => { if (ras) item.roleAssignments = ras; else delete item.roleAssignments; },
    effective: () => item.roleAssignments ?? inherited(),
    callerMask: () => visibility(ctx, list).mask(item),
    maskFor: (login) => {
      const user = findUserByLogin(site, login);
      if (!user) throw spErrors.userNotFound(login);
      const person = ctx.directory.find((p) => p.upn.toLowerCase() === (user.UserPrincipalName ?? '').toLowerCase());
      const who = principalFor(site, user, inEveryoneClaim(person));
      return who.isSiteAdmin ? FULL_MASK : maskFromAssignments(site, item.roleAssignments ?? inherited(), who);
    },
    grantLimitedAccessAbove: (pid) => addLimitedAccess(site, list, pid),
    clearSubscopes: () => undefined
  };
}

function insertItem(list: ListRecord, item: ItemRecord): void {
  // Ids only grow, so this is an append; the search keeps it correct after imports.
  const at = lowerBound(list.items, item.Id);
  if (at === list.items.length) list.items.push(item); else list.items.splice(at, 0, item);
}

export function createItem(site: SiteState, list: ListRecord, authorId: number, values: Record<string, unknown>): ItemRecord {
  const now = isoNow();
  const item: ItemRecord = {
    Id: list.nextItemId++, GUID: randomUUID(), version: 1, Created: now, Modified: now,
    AuthorId: authorId, EditorId: authorId, values
  };
  insertItem(list, item);
  list.LastItemModifiedDate = now;
  void site;
  return item;
}

/** list/items[...] */
export function handleItems(ctx: SpContext, list: ListRecord, rest: Segment[], itemsSeg: Segment): SpResult {
  const { req, site } = ctx;
  const set = itemSet(list);
  if (!itemsSeg.hasArgs && rest.length === 0) {
    if (req.method === 'GET') {
      const page = queryItems(ctx, list);
      return ok({ kind: 'collection', set, entities: page.entities, nextLink: page.nextLink });
    }
    if (req.method === 'POST') {
      const vis = visibility(ctx, list);
      demand(vis.listLevel, Perm.AddListItems);
      assertWriteSecurity(list, undefined, ctx.who, vis.listLevel);
      const values = validateWrite(site, list, jsonBody(ctx));
      assertUnique(list, values, undefined);
      const item = createItem(site, list, ctx.who.user.Id, values);
      ctx.dirty();
      const entity = itemEntity(list, item, planSelect({ ...ctx, query: new URLSearchParams() }, list));
      return ok({ kind: 'entity', set, entity }, 201, { ETag: etagOf(item), Location: `${ctx.apiUrl}/${itemEditLink(list, item.Id)}` });
    }
    throw spErrors.methodNotAllowed(req.method, 'items');
  }
  // items(7) or items/getById(7)
  let idSeg = itemsSeg;
  let after = rest;
  if (!itemsSeg.hasArgs) {
    idSeg = rest[0];
    after = rest.slice(1);
    if (idSeg.key !== 'getbyid') {
      if (idSeg.key === 'getitembystringid') { /* same as getById with a string */ } else throw spErrors.notEmulated(`items/${idSeg.name}`);
    }
  }
  const id = Number(idSeg.positional[0]);
  const item = Number.isInteger(id) ? findItem(list, id) : undefined;
  const vis = visibility(ctx, list);
  if (!item || !vis.visible(item)) throw spErrors.itemNotFound();
  const mask = vis.mask(item);
  if (after.length > 0) {
    const sec = handleSecurable(ctx, itemSecurable(ctx, list, item), after);
    if (sec) return sec;
    if (after[0].key === 'validateupdatelistitem' && after.length === 1) return validateUpdateListItem(ctx, list, item);
    if (after[0].key === 'versions') return handleVersions(ctx, list, item, mask, after[0], after.slice(1));
    if (after[0].key === 'recycle') {
      if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, 'recycle');
      demand(mask, Perm.DeleteListItems);
      assertWriteSecurity(list, item, ctx.who, vis.listLevel);
      const recycleId = randomUUID();
      list.items.splice(lowerBound(list.items, item.Id), 1);
      site.recycleBin.push({ Id: recycleId, ListId: list.Id, ItemId: item.Id, Title: String(item.values.Title ?? ''), DeletedDate: isoNow(), DeletedById: ctx.who.user.Id, item });
      ctx.dirty();
      return ok({ kind: 'property', name: 'Recycle', type: 'Edm.Guid', value: recycleId });
    }
    throw spErrors.notEmulated(`items(n)/${after[0].name}`);
  }
  if (req.method === 'GET') return ok({ kind: 'entity', set, entity: itemEntity(list, item, planSelect(ctx, list)) });
  if (req.method === 'MERGE' || req.method === 'PATCH' || req.method === 'PUT') {
    demand(mask, Perm.EditListItems);
    assertWriteSecurity(list, item, ctx.who, vis.listLevel);
    checkIfMatch(ctx, item, false);
    const values = validateWrite(site, list, jsonBody(ctx));
    assertUnique(list, values, item.Id);
    keepPreviousVersion(list, item);
    if (req.method === 'PUT') item.values = { ...values }; else Object.assign(item.values, values);
    item.version++;
    item.Modified = nextStamp(item.Modified);
    item.EditorId = ctx.who.user.Id;
    list.LastItemModifiedDate = item.Modified;
    ctx.dirty();
    return { status: 204, payload: { kind: 'empty' }, headers: { ETag: etagOf(item) } };
  }
  if (req.method === 'DELETE') {
    demand(mask, Perm.DeleteListItems);
    assertWriteSecurity(list, item, ctx.who, vis.listLevel);
    checkIfMatch(ctx, item, true);
    list.items.splice(lowerBound(list.items, item.Id), 1);
    ctx.dirty();
    return emptyOk();
  }
  throw spErrors.methodNotAllowed(req.method, 'an item');
}

