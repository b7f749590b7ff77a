// Reading list items: projection ($select/$expand), $filter/$orderby, $top and $skiptoken paging
// with an absolute nextLink, the list view threshold, and the caller's view permissions. Works on
// lists of 100,000 items: ID-ordered pages binary-search their start and stop early.
import type { SpContext } from './context';
import { spErrors } from './errors';
import { entityPropertyName, findField } from './fields';
import { itemTypeName } from './item-values';
import type { FieldRecord, ItemRecord, ListRecord, SiteUserRecord } from './model';
import { compileFilter, parseFilter, type ColumnKind, type ColumnRef } from './odata-filter';
import { assertWithinThreshold } from './list-view-threshold';
import { Entity } from './odata-format';
import { canViewItem, itemMask, listMask, type Principal } from './permissions';
import { listParam } from './projection';
import { currentLabel } from './versions';

export const DEFAULT_TOP = 100;
export const MAX_TOP = 5000;

export function itemEditLink(list: ListRecord, id: number): string {
  return `Web/Lists(guid'${list.Id}')/Items(${id})`;
}

export function etagOf(item: ItemRecord): string {
  return `"${item.version}"`;
}

/** Binary search in the Id-sorted item array: index of the first item with Id >= id. */
export function lowerBound(items: ItemRecord[], id: number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].Id < id) lo = mid + 1; else hi = mid;
  }
  return lo;
}

export function findItem(list: ListRecord, id: number): ItemRecord | undefined {
  const i = lowerBound(list.items, id);
  return list.items[i]?.Id === id ? list.items[i] : undefined;
}

function kindOfField(f: FieldRecord): ColumnKind {
  switch (f.FieldTypeKind) {
    case 1: case 5: case 9: case 10: case 20: return 'number';
    case 4: return 'date';
    case 8: return 'bool';
    case 2: case 3: case 6: case 14: case 25: return 'text';
    default: return 'other';
  }
}

function rawValue(item: ItemRecord, f: FieldRecord): unknown {
  switch (f.InternalName) {
    case 'ID': return item.Id;
    case 'Created': return item.Created;
    case 'Modified': return item.Modified;
    case 'Author': return item.AuthorId;
    case 'Editor': return item.EditorId;
    case 'GUID': return item.GUID;
    case 'Attachments': return false;
    case 'ContentTypeId': return '0x0100';
    case 'FileSystemObjectType': return 0;
    default: return item.values[entityPropertyName(f)] ?? null;
  }
}

const USER_PROPS: Record<string, (u: SiteUserRecord) => unknown> = {
  id: (u) => u.Id,
  title: (u) => u.Title,
  email: (u) => u.Email,
  name: (u) => u.LoginName,
  username: (u) => u.UserPrincipalName
};

interface ColumnInfo<R> extends ColumnRef<R> {
  field: FieldRecord;
}

/** Resolves a filter/orderby path (Title, AuthorId, Author/EMail, Id...) to a column of the list. */
function columnResolver(list: ListRecord, users: Map<number, SiteUserRecord>) {
  return (segs: string[]): ColumnInfo<ItemRecord> => {
    const [head, sub] = segs;
    const lower = head.toLowerCase();
    if (segs.length === 1) {
      if (lower === 'id') return { field: findField(list, 'ID')!, kind: 'number', get: (i) => i.Id };
      let f = list.fields.find((x) => entityPropertyName(x).toLowerCase() === lower);
      f ??= findField(list, head);
      if (!f) throw spErrors.columnNotFound(head);
      const field = f;
      return { field, kind: kindOfField(field), get: (i) => rawValue(i, field) };
    }
    const f = findField(list, head);
    if (!f || f.FieldTypeKind !== 20 || segs.length !== 2) throw spErrors.columnNotFound(segs.join('/'));
    const pick = USER_PROPS[sub.toLowerCase()];
    if (!pick) throw spErrors.fieldOrPropertyNotFound(segs.join('/'));
    const field = f;
    return {
      field,
      kind: sub.toLowerCase() === 'id' ? 'number' : 'text',
      get: (i) => {
        const id = rawValue(i, field);
        const u = typeof id === 'number' ? users.get(id) : undefined;
        return u ? pick(u) : null;
      }
    };
  };
}

interface SelectPlan {
  /** Output property name → how to compute it. */
  props: Array<[string, (item: ItemRecord) => unknown]>;
}

/** Site users by id, built once per users array: an export expands thousands of rows. */
const usersById = new WeakMap<object, { size: number; map: Map<number, SiteUserRecord> }>();
function userById(ctx: SpContext, uid: number): SiteUserRecord | undefined {
  let cached = usersById.get(ctx.site.users);
  if (!cached || cached.size !== ctx.site.users.length) {
    cached = { size: ctx.site.users.length, map: new Map(ctx.site.users.map((u) => [u.Id, u])) };
    usersById.set(ctx.site.users, cached);
  }
  return cached.map.get(uid);
}

function userValue(ctx: SpContext, list: ListRecord, item: ItemRecord, f: FieldRecord, id: unknown, subs: string[]): unknown {
  const one = (uid: number) => {
    const u = userById(ctx, uid);
    const g = u ? undefined : ctx.site.groups.find((x) => x.Id === uid);
    const all: Record<string, unknown> = u
      ? { Id: u.Id, Title: u.Title, EMail: u.Email, Name: u.LoginName, UserName: u.UserPrincipalName }
      : { Id: uid, Title: g?.Title ?? '', EMail: null, Name: g?.Title ?? '' };
    const wanted = subs.length === 0 || subs.includes('*') ? Object.keys(all) : subs;
    const props: Record<string, unknown> = {};
    for (const s of wanted) {
      const key = Object.keys(all).find((k) => k.toLowerCase() === s.toLowerCase());
      if (!key) throw spErrors.fieldOrPropertyNotFound(`${f.InternalName}/${s}`);
      props[key] = all[key];
    }
    return new Entity('SP.Data.UserInfoItem', `${itemEditLink(list, item.Id)}/${f.InternalName}`, props);
  };
  if (Array.isArray(id)) return id.map(one);
  return typeof id === 'number' ? one(id) : null;
}

const DEFAULT_HEAD = ['FileSystemObjectType', 'Id', 'ContentTypeId'];
const DEFAULT_TAIL = ['ID', 'Modified', 'Created', 'AuthorId', 'EditorId', 'OData__UIVersionString', 'Attachments', 'GUID'];

function builtInValue(list: ListRecord, item: ItemRecord, name: string): unknown {
  switch (name) {
    case 'FileSystemObjectType': return 0;
    case 'Id': case 'ID': return item.Id;
    case 'ContentTypeId': return '0x0100' + list.Id.replace(/-/g, '').toUpperCase();
    case 'Modified': return item.Modified;
    case 'Created': return item.Created;
    case 'AuthorId': return item.AuthorId;
    case 'EditorId': return item.EditorId;
    case 'AuthorStringId': return String(item.AuthorId);
    case 'EditorStringId': return String(item.EditorId);
    case 'OData__UIVersionString': return currentLabel(item);
    case 'Attachments': return false;
    case 'GUID': return item.GUID;
    case 'HasUniqueRoleAssignments': return item.roleAssignments !== undefined;
    default: return undefined;
  }
}

const BUILT_IN_NAMES = new Set([...DEFAULT_HEAD, ...DEFAULT_TAIL, 'AuthorStringId', 'EditorStringId', 'HasUniqueRoleAssignments']);

/** Builds the projection once per request, so per-item rendering is a loop over closures. */
export function planSelect(ctx: SpContext, list: ListRecord): SelectPlan {
  const select = listParam(ctx.query, '$select');
  const expand = new Set((listParam(ctx.query, '$expand') ?? []).map((s) => s.toLowerCase()));
  for (const e of expand) {
    const f = findField(list, e.split('/')[0]);
    if (!f) throw spErrors.fieldOrPropertyNotFound(e);
    if (f.FieldTypeKind !== 20) throw spErrors.invalidQuery(`The field '${f.InternalName}' is not a lookup field and cannot be expanded.`);
  }
  const custom = list.fields.filter((f) => !f.FromBaseType || f.InternalName === 'Title');
  const props: SelectPlan['props'] = [];
  const addBuiltIn = (name: string) => props.push([name, (i) => builtInValue(list, i, name)]);
  const addField = (f: FieldRecord) => {
    const name = entityPropertyName(f);
    props.push([name, (i) => rawValue(i, f)]);
    if (f.FieldTypeKind === 20) {
      props.push([`${name.slice(0, -2)}StringId`, (i) => {
        const v = rawValue(i, f);
        return Array.isArray(v) ? v.map(String) : v === null ? null : String(v);
      }]);
    }
  };
  const addDefaults = () => {
    DEFAULT_HEAD.forEach(addBuiltIn);
    custom.forEach(addField);
    DEFAULT_TAIL.forEach(addBuiltIn);
  };
  const expanded = new Map<string, string[]>();
  if (!select || select.includes('*')) addDefaults();
  for (const s of select ?? []) {
    if (s === '*') continue;
    const [head, ...rest] = s.split('/');
    const hl = head.toLowerCase();
    const asField = findField(list, head);
    if (asField?.FieldTypeKind === 20 && (rest.length > 0 || hl === asField.InternalName.toLowerCase())) {
      if (!expand.has(asField.InternalName.toLowerCase())) {
        throw spErrors.invalidQuery(`The query to field '${asField.InternalName}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${asField.InternalName}.`);
      }
      const subs = expanded.get(asField.InternalName) ?? [];
      if (rest.length) subs.push(rest.join('/'));
      expanded.set(asField.InternalName, subs);
      continue;
    }
    if (rest.length) throw spErrors.fieldOrPropertyNotFound(s);
    if (hl === 'id') { props.push([head === 'ID' ? 'ID' : 'Id', (i) => i.Id]); continue; }
    const builtIn = [...BUILT_IN_NAMES].find((n) => n.toLowerCase() === hl);
    if (builtIn) { addBuiltIn(builtIn); continue; }
    const byProp = list.fields.find((f) => entityPropertyName(f).toLowerCase() === hl)
      ?? list.fields.find((f) => f.FieldTypeKind === 20 && `${entityPropertyName(f).slice(0, -2)}StringId`.toLowerCase() === hl)
      ?? asField;
    if (!byProp || (byProp.FromBaseType && byProp.InternalName !== 'Title')) throw spErrors.fieldOrPropertyNotFound(head);
    const name = entityPropertyName(byProp);
    if (hl.endsWith('stringid')) props.push([`${name.slice(0, -2)}StringId`, (i) => { const v = rawValue(i, byProp); return v === null ? null : Array.isArray(v) ? v.map(String) : String(v); }]);
    else props.push([name, (i) => rawValue(i, byProp)]);
  }
  for (const e of expand) {
    const f = findField(list, e)!;
    if (!expanded.has(f.InternalName)) expanded.set(f.InternalName, []);
  }
  for (const [name, subs] of expanded) {
    const f = findField(list, name)!;
    props.push([f.InternalName, (i) => userValue(ctx, list, i, f, rawValue(i, f), subs)]);
  }
  // Later duplicates (e.g. "Id,ID") keep the first position, like a JSON object would.
  const seen = new Set<string>();
  return { props: props.filter(([n]) => (seen.has(n) ? false : (seen.add(n), true))) };
}

export function itemEntity(list: ListRecord, item: ItemRecord, plan: SelectPlan): Entity {
  const props: Record<string, unknown> = {};
  for (const [name, get] of plan.props) props[name] = get(item);
  return new Entity(itemTypeName(list), itemEditLink(list, item.Id), props, etagOf(item));
}

export interface VisibilityCheck {
  listLevel: bigint;
  visible(item: ItemRecord): boolean;
  mask(item: ItemRecord): bigint;
}

export function visibility(ctx: SpContext, list: ListRecord, who: Principal = ctx.who): VisibilityCheck {
  const listLevel = listMask(ctx.site, list, who);
  const mask = (item: ItemRecord) => (item.roleAssignments ? itemMask(ctx.site, list, item, who, listLevel) : listLevel);
  return { listLevel, mask, visible: (item) => canViewItem(list, item, who, mask(item), listLevel) };
}

interface SortKey {
  col: ColumnInfo<ItemRecord>;
  desc: boolean;
  name: string;
}

function parseSkiptoken(token: string | null): URLSearchParams | undefined {
  if (!token) return undefined;
  const params = new URLSearchParams(token);
  if (params.get('PagedPrev')?.toUpperCase() === 'TRUE') throw spErrors.notEmulated('$skiptoken with PagedPrev=TRUE (paging backwards)');
  return params;
}

function compareNorm(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  const x = typeof a === 'string' ? a.toLowerCase() : a;
  const y = typeof b === 'string' ? b.toLowerCase() : b;
  return (x as never) < (y as never) ? -1 : (x as never) > (y as never) ? 1 : 0;
}

export interface ItemPage {
  entities: Entity[];
  nextLink?: string;
}

/** GET .../items: the whole query pipeline. */
export function queryItems(ctx: SpContext, list: ListRecord): ItemPage {
  const q = ctx.query;
  const topRaw = q.get('$top');
  let top = DEFAULT_TOP;
  if (topRaw !== null) {
    top = Number(topRaw);
    if (!Number.isInteger(top) || top < 0) throw spErrors.invalidQuery(`Invalid $top value '${topRaw}'.`);
    if (top > MAX_TOP) throw spErrors.invalidQuery(`The value of the $top query option (${top}) exceeds the maximum of ${MAX_TOP} items per page.`);
  }
  if (q.get('$skip') !== null) throw spErrors.invalidQuery('$skip is not supported on list items; use $skiptoken=Paged=TRUE&p_ID=<id> (PnPjs items.skip) or follow odata.nextLink.');

  const users = new Map(ctx.site.users.map((u) => [u.Id, u] as const));
  const resolve = columnResolver(list, users);
  const filterText = q.get('$filter');
  const ast = filterText ? parseFilter(filterText) : undefined;
  const orderby = (listParam(q, '$orderby') ?? []).map((o): SortKey => {
    const [name, dir] = o.split(/\s+/);
    return { col: resolve(name.split('/')), desc: dir?.toLowerCase() === 'desc', name };
  });

  // Compiled first: an unknown column is "does not exist" even on a list over the threshold.
  const test = ast ? compileFilter(ast, resolve) : () => true;
  if (list.items.length > ctx.listViewThreshold) assertWithinThreshold(ast, orderby.map((k) => k.col), resolve, list.items, ctx.listViewThreshold);
  const vis = visibility(ctx, list);
  const accept = (i: ItemRecord) => vis.visible(i) && test(i);
  const token = parseSkiptoken(q.get('$skiptoken'));
  const plan = planSelect(ctx, list);

  const byIdOnly = orderby.length === 0 || (orderby.length === 1 && orderby[0].col.field.InternalName === 'ID');
  const page: ItemRecord[] = [];
  let more = false;
  if (byIdOnly) {
    const desc = orderby[0]?.desc ?? false;
    const after = token?.get('p_ID');
    const items = list.items;
    if (!desc) {
      let i = after !== null && after !== undefined ? lowerBound(items, Number(after) + 1) : 0;
      for (; i < items.length; i++) {
        if (!accept(items[i])) continue;
        if (page.length === top) { more = true; break; }
        page.push(items[i]);
      }
    } else {
      let i = after !== null && after !== undefined ? lowerBound(items, Number(after)) - 1 : items.length - 1;
      for (; i >= 0; i--) {
        if (!accept(items[i])) continue;
        if (page.length === top) { more = true; break; }
        page.push(items[i]);
      }
    }
  } else {
    const keys = [...orderby];
    if (!keys.some((k) => k.col.field.InternalName === 'ID')) keys.push({ col: resolve(['ID']), desc: false, name: 'ID' });
    const cmp = (a: unknown[], b: unknown[]) => {
      for (let k = 0; k < keys.length; k++) {
        const c = compareNorm(a[k], b[k]);
        if (c !== 0) return keys[k].desc ? -c : c;
      }
      return 0;
    };
    const rows = list.items.filter(accept).map((item) => ({ item, key: keys.map((k) => k.col.get(item)) }));
    rows.sort((a, b) => cmp(a.key, b.key));
    let start = 0;
    if (token) {
      const anchor = findItem(list, Number(token.get('p_ID')));
      const tokenKey = keys.map((k) => {
        if (k.col.field.InternalName === 'ID') return Number(token.get('p_ID'));
        const raw = token.get(`p_${k.col.field.InternalName}`);
        if (raw !== null) return k.col.kind === 'number' ? Number(raw) : raw;
        return anchor ? k.col.get(anchor) : null;
      });
      start = rows.findIndex((r) => cmp(r.key, tokenKey) > 0);
      if (start < 0) start = rows.length;
    }
    const slice = rows.slice(start, start + top + 1);
    more = slice.length > top;
    page.push(...slice.slice(0, top).map((r) => r.item));
  }

  let nextLink: string | undefined;
  if (more && page.length > 0) {
    const last = page[page.length - 1];
    const tokenParams = new URLSearchParams({ Paged: 'TRUE' });
    for (const k of orderby) {
      if (k.col.field.InternalName === 'ID') continue;
      const v = k.col.get(last);
      tokenParams.set(`p_${k.col.field.InternalName}`, v === null || v === undefined ? '' : String(v));
    }
    tokenParams.set('p_ID', String(last.Id));
    const next = new URLSearchParams();
    next.set('$skiptoken', tokenParams.toString());
    for (const [k, v] of q) if (k !== '$skiptoken') next.append(k, v);
    if (!next.has('$top')) next.set('$top', String(top));
    nextLink = `${ctx.origin}${ctx.req.url.pathname}?${next.toString()}`;
  }
  return { entities: page.map((i) => itemEntity(list, i, plan)), nextLink };
}
