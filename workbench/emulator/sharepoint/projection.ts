// $select/$expand/$filter/$orderby/$top for the small collections (lists, fields, users, groups,
// role assignments). List items have their own engine in item-query.ts because they page and throttle.
import { compileFilter, parseFilter, type ColumnKind } from './odata-filter';
import { Entity, type Payload } from './odata-format';
import { spErrors } from './errors';

export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const v = query.get(name);
  if (v === null || v.trim() === '') return undefined;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

export function expands(query: URLSearchParams): Set<string> {
  return new Set((listParam(query, '$expand') ?? []).map((s) => s.toLowerCase()));
}

/**
 * A fields collection holds SP.FieldText, SP.FieldChoice, SP.FieldNumber... and a $select over it may
 * name the properties of any of them (MaxLength, Choices...); fields without one simply lack it.
 */
const FIELD_SUBTYPE_PROPS = ['maxlength', 'choices', 'fillinchoice', 'allowmultiplevalues', 'minimumvalue', 'maximumvalue',
  'richtext', 'numberoflines', 'appendonly', 'displayformat', 'selectionmode', 'selectiongroup', 'lookuplist', 'lookupfield',
  'formula', 'outputtype', 'currencylocaleid', 'showasPercentage'.toLowerCase(), 'datetimecalendartype', 'friendlydisplayformat', 'editformat'];

/**
 * Keeps the selected properties; "Member/Title" keeps Member and projects inside it. A property
 * the type does not have is SharePoint's 400, not silently dropped: "The property 'Foo' does not
 * exist on type 'SP.Web'. Make sure to only use property names that are defined by the type."
 * (the text SharePoint Online gives for a property its REST layer does not know, quoted in
 * Microsoft's support article "Can't set value for 'Hyperlink with formatting and constraints for
 * publishing' column by using SharePoint 2013 workflow"; ARCHITECTURE.md "SharePoint and Graph
 * facts": unknown $select properties are an error, not silently dropped).
 */
export function project(e: Entity, select: string[] | undefined): Entity {
  if (!select || select.includes('*')) return e;
  const byTop = new Map<string, string[]>();
  const known = new Set(Object.keys(e.props).map((k) => k.toLowerCase()));
  if (e.type.startsWith('SP.Field')) FIELD_SUBTYPE_PROPS.forEach((p) => known.add(p));
  for (const s of select) {
    const [head, ...rest] = s.split('/');
    const key = head.toLowerCase();
    if (!known.has(key)) throw spErrors.propertyNotOnType(head, e.type);
    if (!byTop.has(key)) byTop.set(key, []);
    if (rest.length) byTop.get(key)!.push(rest.join('/'));
  }
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.props)) {
    const sub = byTop.get(k.toLowerCase());
    if (!sub) continue;
    if (sub.length && v instanceof Entity) props[k] = project(v, sub);
    else if (sub.length && Array.isArray(v)) props[k] = v.map((x) => (x instanceof Entity ? project(x, sub) : x));
    else props[k] = v;
  }
  return new Entity(e.type, e.editLink, props, e.etag);
}

function kindOf(v: unknown): ColumnKind {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return /^\d{4}-\d\d-\d\dT/.test(v) ? 'date' : 'text';
  return 'other';
}

function propPath(e: Entity, segs: string[]): unknown {
  let cur: unknown = e;
  for (const s of segs) {
    if (!(cur instanceof Entity)) return undefined;
    const key = Object.keys(cur.props).find((k) => k.toLowerCase() === s.toLowerCase());
    if (key === undefined) return undefined;
    cur = cur.props[key];
  }
  return cur;
}

/** Applies the query options to an in-memory entity collection. */
export function queryEntities(entities: Entity[], query: URLSearchParams): Entity[] {
  let out = entities;
  const filter = query.get('$filter');
  if (filter) {
    const sample = entities[0];
    const test = compileFilter<Entity>(parseFilter(filter), (segs) => {
      if (sample && propPath(sample, segs) === undefined && !Object.keys(sample.props).some((k) => k.toLowerCase() === segs[0].toLowerCase())) {
        throw spErrors.fieldOrPropertyNotFound(segs.join('/'));
      }
      const kind = sample ? kindOf(propPath(sample, segs)) : 'text';
      return { kind, get: (row) => propPath(row, segs) };
    });
    out = out.filter(test);
  }
  const orderby = listParam(query, '$orderby');
  if (orderby) {
    const keys = orderby.map((o) => {
      const [field, dir] = o.split(/\s+/);
      return { segs: field.split('/'), desc: dir?.toLowerCase() === 'desc' };
    });
    out = [...out].sort((a, b) => {
      for (const k of keys) {
        const x = propPath(a, k.segs) as never, y = propPath(b, k.segs) as never;
        if (x === y) continue;
        const c = x < y ? -1 : 1;
        return k.desc ? -c : c;
      }
      return 0;
    });
  }
  const top = query.get('$top');
  if (top !== null) out = out.slice(0, Math.max(0, parseInt(top, 10) || 0));
  const select = listParam(query, '$select');
  return out.map((e) => project(e, select));
}

/** Navigation properties the emulator expands, by entity type (list items have their own rules). */
const EXPANDABLE: Record<string, string[]> = {
  'SP.RoleAssignment': ['member', 'roledefinitionbindings']
};

/** Navigation properties SharePoint has but the emulator does not expand: those answer "not emulated". */
const REAL_NAVIGATION: Record<string, string[]> = {
  'SP.Web': ['allproperties', 'associatedmembergroup', 'associatedownergroup', 'associatedvisitorgroup', 'currentuser', 'fields',
    'lists', 'roleassignments', 'roledefinitions', 'rootfolder', 'sitegroups', 'siteusers', 'webs', 'navigation', 'regionalsettings'],
  'SP.List': ['contenttypes', 'defaultview', 'fields', 'items', 'parentweb', 'roleassignments', 'rootfolder', 'views', 'firstuniqueancestorsecurableobject'],
  'SP.Group': ['owner', 'users'],
  'SP.User': ['groups'],
  'SP.Site': ['rootweb', 'owner', 'features']
};

function entitiesOf(p: Payload): Entity[] {
  if (p.kind === 'entity') return [p.entity];
  if (p.kind === 'collection') return p.entities;
  return [];
}

/**
 * $expand of a property the answer's type does not have is a 400 like an unknown $select; one it
 * has but the emulator does not expand says so rather than answering without it.
 */
export function assertExpandable(payload: Payload, query: URLSearchParams): void {
  const wanted = listParam(query, '$expand');
  if (!wanted) return;
  const sample = entitiesOf(payload)[0];
  if (!sample || sample.type.startsWith('SP.Data.')) return; // items: planSelect checks them
  for (const e of wanted) {
    const head = e.split('/')[0];
    const key = head.toLowerCase();
    if ((EXPANDABLE[sample.type] ?? []).includes(key)) continue;
    if ((REAL_NAVIGATION[sample.type] ?? []).includes(key)) throw spErrors.notEmulated(`$expand=${head} on ${sample.type}`);
    throw spErrors.propertyNotOnType(head, sample.type);
  }
}
