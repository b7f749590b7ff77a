import type { PolicyContent, PolicyItem } from './model';
import { htmlToText } from './search';

// What changed between two versions, in terms a reader cares about: which do's, don'ts, sections,
// links and names were added, removed, reworded or moved. Items are matched by their stable ids.

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';
export type ChangeArea = 'names' | 'section' | 'do' | 'dont' | 'link';

export interface PolicyChange {
  area: ChangeArea;
  kind: ChangeKind;
  /** The part's stable id (a link's is its address), so a view can show both versions of it in full. */
  id: string;
  title: string;
  before?: string;
  after?: string;
}

/**
 * Ids that moved: the kept items outside the longest run that stayed in order, so moving one
 * item reports that one item, not everything it jumped over.
 */
function movedIds(keptBefore: string[], keptAfter: string[]): Set<string> {
  const pos = keptAfter.map((id) => keptBefore.indexOf(id));
  const best: number[] = new Array(pos.length).fill(1);
  const prev: number[] = new Array(pos.length).fill(-1);
  for (let i = 0; i < pos.length; i++) {
    for (let j = 0; j < i; j++) {
      if (pos[j] < pos[i] && best[j] + 1 > best[i]) { best[i] = best[j] + 1; prev[i] = j; }
    }
  }
  const inOrder = new Set<string>();
  let k = best.indexOf(Math.max(0, ...best));
  while (k >= 0) { inOrder.add(keptAfter[k]); k = prev[k]; }
  return new Set(keptAfter.filter((id) => !inOrder.has(id)));
}

/**
 * `text` is what a reader is shown; `same` decides whether a part changed (by default the same
 * text), so a section whose words stayed but whose formatting changed still counts as changed.
 */
function diffById<T extends { id: string }>(
  area: ChangeArea, a: T[], b: T[], title: (x: T) => string, text: (x: T) => string, same: (x: T, y: T) => boolean = (x, y) => text(x) === text(y)
): PolicyChange[] {
  const out: PolicyChange[] = [];
  const before = new Map(a.map((x, i) => [x.id, { x, i }]));
  const after = new Map(b.map((x, i) => [x.id, { x, i }]));
  for (const { x } of before.values()) if (!after.has(x.id)) out.push({ area, kind: 'removed', id: x.id, title: title(x), before: text(x) });
  const keptBefore = a.filter((x) => after.has(x.id)).map((x) => x.id);
  const keptAfter = b.filter((x) => before.has(x.id)).map((x) => x.id);
  const moved = movedIds(keptBefore, keptAfter);
  for (const { x } of after.values()) {
    const old = before.get(x.id);
    if (!old) { out.push({ area, kind: 'added', id: x.id, title: title(x), after: text(x) }); continue; }
    if (!same(old.x, x)) out.push({ area, kind: 'changed', id: x.id, title: title(x), before: text(old.x), after: text(x) });
    else if (moved.has(x.id)) out.push({ area, kind: 'moved', id: x.id, title: title(x) });
  }
  return out;
}

const itemText = (i: PolicyItem): string => `${i.title}: ${i.detail}`;

export function diffPolicies(a: PolicyContent, b: PolicyContent): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (const key of ['organisation', 'commsHead'] as const) {
    const x = a.names?.[key] ?? '';
    const y = b.names?.[key] ?? '';
    if (x !== y) changes.push({ area: 'names', kind: 'changed', id: key, title: key === 'organisation' ? 'Organisation name' : 'Head of communications', before: x, after: y });
  }
  // Sections are compared as their (sanitised) HTML: bold, lists and links are part of what staff read.
  changes.push(...diffById('section', a.sections, b.sections, (s) => s.heading, (s) => `${s.heading}: ${htmlToText(s.body)}`, (x, y) => x.heading === y.heading && x.body === y.body));
  changes.push(...diffById('do', a.dos, b.dos, (i) => i.title, itemText));
  changes.push(...diffById('dont', a.donts, b.donts, (i) => i.title, itemText));
  const links = (c: PolicyContent) => c.links.map((l) => ({ ...l, id: l.url }));
  changes.push(...diffById('link', links(a), links(b), (l) => l.title, (l) => `${l.title} (${l.url})`));
  return changes;
}
