import type { PolicyContent, PolicyItem, PolicyLink, PolicySection } from './model';

// Three-way merge of a draft with what was published while it was being written. The base is the
// version the draft started from, "theirs" is the draft (the person merging), "published" is the
// version in force. Each part (a name, a section, a do, a don't, a link) is matched by its stable
// id (a link by its address): where only one side changed it, that side is taken; where both
// changed it differently, the person chooses. Nothing is dropped without a choice or a one-sided
// change that asked for it.

export type MergeSide = 'theirs' | 'published';
export type MergeArea = 'names' | 'section' | 'do' | 'dont' | 'link';

/**
 * - `same`: both sides hold the same (changed or not);
 * - `theirs` / `published`: only that side changed it, so it is taken unless the person says otherwise;
 * - `conflict`: both changed it differently, the person must choose.
 */
export type MergeState = 'same' | MergeSide | 'conflict';

export interface MergePart<T> {
  area: MergeArea;
  id: string;
  /** `area:id`, the key of a choice. */
  key: string;
  base?: T;
  theirs?: T;
  published?: T;
  state: MergeState;
}

/** Whose order a list keeps: only one side reordering wins; both reordering keeps the published order. */
export type OrderState = 'same' | MergeSide | 'both';

export interface MergeList<T> {
  parts: MergePart<T>[];
  order: OrderState;
  baseOrder: string[];
  theirsOrder: string[];
  publishedOrder: string[];
}

export interface PolicyMerge {
  names: MergePart<string>[];
  sections: MergeList<PolicySection>;
  dos: MergeList<PolicyItem>;
  donts: MergeList<PolicyItem>;
  links: MergeList<PolicyLink>;
}

/** The person's choices, by part key; a part not listed takes its automatic side. */
export type MergeChoices = Readonly<Record<string, MergeSide>>;

/** Stored content compares as its JSON with keys in a fixed order, so field order never counts as a change. */
function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

function stateOf<T>(base: T | undefined, theirs: T | undefined, published: T | undefined): MergeState {
  if (same(theirs, published)) return 'same';
  if (same(base, theirs)) return 'published';
  if (same(base, published)) return 'theirs';
  return 'conflict';
}

function part<T>(area: MergeArea, id: string, base: T | undefined, theirs: T | undefined, published: T | undefined): MergePart<T> {
  return { area, id, key: `${area}:${id}`, base, theirs, published, state: stateOf(base, theirs, published) };
}

const sameOrder = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The ids two lists share, in the first list's order: a list "reordered" only if its kept parts moved. */
const commonOrder = (order: string[], others: string[][]): string[] => order.filter((id) => others.every((o) => o.includes(id)));

function mergeList<T>(area: MergeArea, idOf: (x: T) => string, base: T[], theirs: T[], published: T[]): MergeList<T> {
  const b = new Map(base.map((x) => [idOf(x), x]));
  const t = new Map(theirs.map((x) => [idOf(x), x]));
  const p = new Map(published.map((x) => [idOf(x), x]));
  const ids: string[] = [];
  for (const id of [...p.keys(), ...t.keys(), ...b.keys()]) if (!ids.includes(id)) ids.push(id);
  const baseOrder = [...b.keys()];
  const theirsOrder = [...t.keys()];
  const publishedOrder = [...p.keys()];
  const all = [baseOrder, theirsOrder, publishedOrder];
  const theirsMoved = !sameOrder(commonOrder(theirsOrder, all), commonOrder(baseOrder, all));
  const publishedMoved = !sameOrder(commonOrder(publishedOrder, all), commonOrder(baseOrder, all));
  const order: OrderState = theirsMoved && publishedMoved
    ? (sameOrder(commonOrder(theirsOrder, all), commonOrder(publishedOrder, all)) ? 'same' : 'both')
    : theirsMoved ? 'theirs' : publishedMoved ? 'published' : 'same';
  return { parts: ids.map((id) => part(area, id, b.get(id), t.get(id), p.get(id))), order, baseOrder, theirsOrder, publishedOrder };
}

export function merge3(base: PolicyContent, theirs: PolicyContent, published: PolicyContent): PolicyMerge {
  const names = (['organisation', 'commsHead'] as const).map((key) =>
    part<string>('names', key, base.names?.[key] ?? '', theirs.names?.[key] ?? '', published.names?.[key] ?? ''));
  return {
    names,
    sections: mergeList('section', (s) => s.id, base.sections, theirs.sections, published.sections),
    dos: mergeList('do', (i) => i.id, base.dos, theirs.dos, published.dos),
    donts: mergeList('dont', (i) => i.id, base.donts, theirs.donts, published.donts),
    links: mergeList('link', (l) => l.url, base.links, theirs.links, published.links)
  };
}

/** Every part of a merge, in reading order. */
export function mergeParts(m: PolicyMerge): MergePart<unknown>[] {
  return [...m.names, ...m.sections.parts, ...m.dos.parts, ...m.donts.parts, ...m.links.parts];
}

/** The side a part takes: the person's choice, else the side that changed it (published when neither did). */
export function sideOf(p: MergePart<unknown>, choices: MergeChoices): MergeSide | undefined {
  const chosen = choices[p.key];
  if (chosen) return chosen;
  if (p.state === 'theirs' || p.state === 'published') return p.state;
  return p.state === 'same' ? 'published' : undefined;
}

/** Parts changed on both sides that the person has not chosen for yet. */
export function unresolvedParts(m: PolicyMerge, choices: MergeChoices): MergePart<unknown>[] {
  return mergeParts(m).filter((p) => p.state === 'conflict' && !choices[p.key]);
}

/** Choices that take one side for every part both sides changed ("take all mine / all published"). */
export function chooseAll(m: PolicyMerge, side: MergeSide): Record<string, MergeSide> {
  return Object.fromEntries(mergeParts(m).filter((p) => p.state === 'conflict').map((p) => [p.key, side]));
}

function resolveList<T>(list: MergeList<T>, choices: MergeChoices): T[] {
  const kept = new Map<string, T>();
  for (const p of list.parts) {
    const side = sideOf(p as MergePart<unknown>, choices);
    if (!side) throw new Error(`Choose a side for ${p.key}`);
    const value = side === 'theirs' ? p.theirs : p.published;
    if (value !== undefined) kept.set(p.id, value);
  }
  // Order: whoever reordered (published when both did), then parts only the other side has are
  // placed after the part that precedes them on their own side.
  const primary = list.order === 'theirs' ? list.theirsOrder : list.publishedOrder;
  const secondary = list.order === 'theirs' ? list.publishedOrder : list.theirsOrder;
  const out = primary.filter((id) => kept.has(id));
  for (const [i, id] of secondary.entries()) {
    if (!kept.has(id) || out.includes(id)) continue;
    const before = secondary.slice(0, i).reverse().find((x) => out.includes(x));
    out.splice(before === undefined ? 0 : out.indexOf(before) + 1, 0, id);
  }
  for (const id of list.baseOrder) if (kept.has(id) && !out.includes(id)) out.push(id);
  return out.map((id) => kept.get(id) as T);
}

/** The merged content; throws when a part changed on both sides has no choice yet (see unresolvedParts). */
export function resolveMerge(m: PolicyMerge, choices: MergeChoices): PolicyContent {
  const name = (key: 'organisation' | 'commsHead'): string => {
    const p = m.names.find((n) => n.id === key) as MergePart<string>;
    const side = sideOf(p as MergePart<unknown>, choices);
    if (!side) throw new Error(`Choose a side for ${p.key}`);
    return (side === 'theirs' ? p.theirs : p.published) ?? '';
  };
  return {
    names: { organisation: name('organisation'), commsHead: name('commsHead') },
    sections: resolveList(m.sections, choices),
    dos: resolveList(m.dos, choices),
    donts: resolveList(m.donts, choices),
    links: resolveList(m.links, choices)
  };
}
