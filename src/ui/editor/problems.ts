import * as strings from 'SocialMediaHubWebPartStrings';
import type { PolicyProblem } from '../../domain/policy';
import { format } from '../common/format';

// Validation problems carry a path ('dos.3.detail'); the editor shows each next to its field and
// lists them all in a summary that links to the fields.

export type ProblemArea = 'names' | 'sections' | 'dos' | 'donts' | 'links' | 'changeSummary' | 'content';

export const AREA_ORDER: ProblemArea[] = ['names', 'sections', 'dos', 'donts', 'links', 'changeSummary', 'content'];

/** The DOM id of the field a path points at, so the summary can move focus there. */
export function fieldId(path: string): string {
  return `smh-edit-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export function areaOf(path: string): ProblemArea {
  const head = path.split('.')[0] as ProblemArea;
  return AREA_ORDER.includes(head) ? head : 'content';
}

export function areaLabel(area: ProblemArea): string {
  return {
    names: strings.EditorNamesHeading,
    sections: strings.EditorSectionsHeading,
    dos: strings.EditorDosHeading,
    donts: strings.EditorDontsHeading,
    links: strings.EditorLinksHeading,
    changeSummary: strings.EditorChangeSummary,
    content: strings.EditorWholePolicy
  }[area];
}

/** Where a problem is, for people: "Don'ts, item 4". */
export function locationLabel(path: string): string {
  const [, index] = path.split('.');
  const area = areaLabel(areaOf(path));
  return index !== undefined && /^\d+$/.test(index) ? format(strings.EditorProblemWhere, area, Number(index) + 1) : area;
}

export function messageFor(problems: PolicyProblem[], path: string): string | undefined {
  const found = problems.filter((p) => p.path === path).map((p) => p.message);
  return found.length > 0 ? found.join(' ') : undefined;
}

export function countByArea(problems: PolicyProblem[]): { area: ProblemArea; count: number }[] {
  return AREA_ORDER.map((area) => ({ area, count: problems.filter((p) => areaOf(p.path) === area).length })).filter((c) => c.count > 0);
}
