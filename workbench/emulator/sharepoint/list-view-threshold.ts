// The list view threshold rule for item queries on a list holding more items than the threshold.
// SharePoint only answers such a query when it can seek an index instead of scanning the list: the
// leftmost clause of the $filter's AND chain must be an index-seekable test of an indexed column
// (every branch, when that clause is an OR), and every $orderby column must be indexed. Seekable
// means a range or equality test (eq, lt, le, gt, ge) or startswith; ne, not(...), substringof and
// endswith need every row examined, indexed or not (research/emulation.md §5).
import { spErrors } from './errors';
import type { FieldRecord } from './model';
import type { FilterNode, Operand } from './odata-filter';

type Resolve = (segs: string[]) => { field: FieldRecord };

const isPath = (o: Operand): o is { t: 'path'; segs: string[] } => o.t === 'path';

/** True when the clause narrows the scan through an index. */
function seeks(node: FilterNode, resolve: Resolve): boolean {
  switch (node.t) {
    case 'and': return seeks(node.l, resolve);
    case 'or': return seeks(node.l, resolve) && seeks(node.r, resolve);
    case 'not': return false;
    case 'cmp': {
      if (node.op === 'ne') return false;
      const paths = [node.l, node.r].filter(isPath);
      // A column compared with another column has no constant to seek to.
      return paths.length === 1 && resolve(paths[0].segs).field.Indexed;
    }
    case 'fn': {
      if (node.name !== 'startswith') return false;
      const paths = node.args.filter(isPath);
      return paths.length === 1 && resolve(paths[0].segs).field.Indexed;
    }
  }
}

/** Throws SPQueryThrottledException when the query would scan a list over the threshold. */
export function assertWithinThreshold(filter: FilterNode | undefined, orderBy: Array<{ field: FieldRecord }>, resolve: Resolve): void {
  if (filter && !seeks(filter, resolve)) throw spErrors.thresholdExceeded();
  if (orderBy.some((c) => !c.field.Indexed)) throw spErrors.thresholdExceeded();
}
