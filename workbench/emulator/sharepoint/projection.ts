// $select/$expand/$filter/$orderby/$top for the small collections (lists, fields, users, groups,
// role assignments). List items have their own engine in item-query.ts because they page and throttle.
import { compileFilter, parseFilter, type ColumnKind } from './odata-filter';
import { Entity } from './odata-format';
import { spErrors } from './errors';

export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const v = query.get(name);
  if (v === null || v.trim() === '') return undefined;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

export function expands(query: URLSearchParams): Set<string> {
  return new Set((listParam(query, '$expand') ?? []).map((s) => s.toLowerCase()));
}

/** Keeps the selected properties; "Member/Title" keeps Member and projects inside it. */
export function project(e: Entity, select: string[] | undefined): Entity {
  if (!select || select.includes('*')) return e;
  const byTop = new Map<string, string[]>();
  for (const s of select) {
    const [head, ...rest] = s.split('/');
    const key = head.toLowerCase();
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
