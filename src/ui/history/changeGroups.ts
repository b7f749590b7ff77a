import * as strings from 'SocialMediaHubWebPartStrings';
import { diffPolicies, versionNumber, type ChangeArea, type ChangeKind, type PolicyChange, type PolicyNames, type PolicyVersion } from '../../domain/policy';

// The comparison of two versions, arranged the way the policy reads: names, introduction, do's,
// don'ts, links. Whatever order the two were chosen in, the older one is "before".

export interface ChangeGroup {
  area: ChangeArea;
  label: string;
  changes: PolicyChange[];
}

const AREAS: ChangeArea[] = ['names', 'section', 'do', 'dont', 'link'];

export function areaLabel(area: ChangeArea): string {
  return { names: strings.HistoryAreaNames, section: strings.HistoryAreaSections, do: strings.HistoryAreaDos, dont: strings.HistoryAreaDonts, link: strings.HistoryAreaLinks }[area];
}

export function kindLabel(kind: ChangeKind): string {
  return { added: strings.HistoryAdded, removed: strings.HistoryRemoved, changed: strings.HistoryChanged, moved: strings.HistoryMoved }[kind];
}

export function olderFirst(a: PolicyVersion, b: PolicyVersion): [PolicyVersion, PolicyVersion] {
  return versionNumber(a.major, a.minor) <= versionNumber(b.major, b.minor) ? [a, b] : [b, a];
}

/**
 * Names are compared as readers saw them: a version without its own names showed the hub's
 * settings, so "(empty) → Northshire Council" would be wrong when the settings said the same.
 */
export function groupChanges(older: PolicyVersion, newer: PolicyVersion, names: { older: PolicyNames; newer: PolicyNames }): ChangeGroup[] {
  const changes = diffPolicies({ ...older.content, names: names.older }, { ...newer.content, names: names.newer });
  return AREAS.map((area) => ({ area, label: areaLabel(area), changes: changes.filter((c) => c.area === area) })).filter((g) => g.changes.length > 0);
}
