// The list view threshold for item queries on a list holding more items than the threshold.
// SharePoint answers such a query only when its first filter step can seek an index AND that step
// matches no more than the threshold: the leftmost clause of the $filter's AND chain must be an
// index-seekable test of an indexed column (every branch, when that clause is an OR), and the rows
// that step selects are counted, whatever $top says and whatever later clauses would remove. Every
// $orderby column must be indexed. Seekable means a range or equality test (eq, lt, le, gt, ge) or
// startswith; ne, not(...), substringof and endswith need every row examined, indexed or not.
// Other clauses of the AND chain on the same column as the leftmost one narrow the same index
// range, which is why an Id window (Id ge a and Id lt b) is the way through a big list.
// Sources: ARCHITECTURE.md "SharePoint and Graph facts"; "results after the first condition over the
// indexed field should be less than throttling to work, alas, $top will not help"
// (https://github.com/SharePoint/PnP-JS-Core/issues/203); "When using the Filter on a column and the
// number of items having same value in the column is repeated more than the threshold value,
// regardless of using ... Index, Item Limit, And Condition, OR Condition" the view won't work
// (https://celerity12.blogspot.com/2011/10); "The first column in a filtered view should be
// indexed" (https://unanswered.io/guide/optimize-sharepoint-lists-performance, after Microsoft's
// "Manage large lists and libraries").
import { spErrors } from './errors';
import type { FieldRecord, ItemRecord } from './model';
import { compileFilter, type ColumnResolver, type FilterNode, type Operand } from './odata-filter';

type Resolve<R> = ColumnResolver<R> & ((segs: string[]) => { field: FieldRecord });

const isPath = (o: Operand): o is { t: 'path'; segs: string[] } => o.t === 'path';

/** The indexed column a simple clause seeks on, or undefined when it cannot seek an index. */
function seekColumn(node: FilterNode, resolve: (segs: string[]) => { field: FieldRecord }): FieldRecord | undefined {
  let paths: Array<{ segs: string[] }>;
  if (node.t === 'cmp') {
    if (node.op === 'ne') return undefined;
    paths = [node.l, node.r].filter(isPath);
  } else if (node.t === 'fn' && node.name === 'startswith') {
    paths = node.args.filter(isPath);
  } else {
    return undefined;
  }
  // A column compared with another column has no constant to seek to.
  if (paths.length !== 1) return undefined;
  const field = resolve(paths[0].segs).field;
  return field.Indexed ? field : undefined;
}

function seeks(node: FilterNode, resolve: (segs: string[]) => { field: FieldRecord }): boolean {
  if (node.t === 'or') return seeks(node.l, resolve) && seeks(node.r, resolve);
  if (node.t === 'and') return seeks(node.l, resolve);
  return seekColumn(node, resolve) !== undefined;
}

function conjuncts(node: FilterNode): FilterNode[] {
  return node.t === 'and' ? [...conjuncts(node.l), ...conjuncts(node.r)] : [node];
}

/** The part of the filter SharePoint evaluates through an index first; undefined means a scan. */
function firstStep(filter: FilterNode, resolve: (segs: string[]) => { field: FieldRecord }): FilterNode | undefined {
  const parts = conjuncts(filter);
  const head = parts[0];
  if (!seeks(head, resolve)) return undefined;
  const column = seekColumn(head, resolve);
  if (!column) return head; // an OR of seekable branches
  return parts
    .filter((p) => seekColumn(p, resolve) === column)
    .reduce((l, r) => ({ t: 'and', l, r }));
}

function firstAtLeast(items: readonly ItemRecord[], id: number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].Id < id) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * Rows an Id range selects, by binary search over the Id-sorted items (a 100,000-item list is
 * queried in many windows); undefined when the step is not a plain Id range.
 */
function idRangeCount(step: FilterNode, items: readonly ItemRecord[], resolve: (segs: string[]) => { field: FieldRecord }): number | undefined {
  let lo = -Infinity, hi = Infinity; // lo <= Id < hi
  for (const c of conjuncts(step)) {
    if (c.t !== 'cmp' || c.l.t !== 'path' || c.r.t !== 'lit' || typeof c.r.v !== 'number') return undefined;
    if (resolve(c.l.segs).field.InternalName !== 'ID') return undefined;
    const v = c.r.v;
    switch (c.op) {
      case 'ge': lo = Math.max(lo, Math.ceil(v)); break;
      case 'gt': lo = Math.max(lo, Math.floor(v) + 1); break;
      case 'lt': hi = Math.min(hi, Math.ceil(v)); break;
      case 'le': hi = Math.min(hi, Math.floor(v) + 1); break;
      case 'eq': lo = Math.max(lo, v); hi = Math.min(hi, v + 1); break;
      default: return undefined;
    }
  }
  if (hi <= lo) return 0;
  const from = lo === -Infinity ? 0 : firstAtLeast(items, lo);
  const to = hi === Infinity ? items.length : firstAtLeast(items, hi);
  return to - from;
}

/** Throws SPQueryThrottledException when the query would touch more rows than the threshold. */
export function assertWithinThreshold(
  filter: FilterNode | undefined, orderBy: Array<{ field: FieldRecord }>, resolve: Resolve<ItemRecord>,
  items: readonly ItemRecord[], threshold: number
): void {
  if (orderBy.some((c) => !c.field.Indexed)) throw spErrors.thresholdExceeded();
  if (!filter) return; // unfiltered queries page through the Id index
  const step = firstStep(filter, resolve);
  if (!step) throw spErrors.thresholdExceeded();
  const byId = idRangeCount(step, items, resolve);
  if (byId !== undefined) {
    if (byId > threshold) throw spErrors.thresholdExceeded();
    return;
  }
  const test = compileFilter(step, resolve);
  let matched = 0;
  for (const item of items) {
    if (test(item) && ++matched > threshold) throw spErrors.thresholdExceeded();
  }
}
