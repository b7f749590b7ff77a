import type { PolicyContent } from './model';
import { htmlToText } from './search';
import { safeLinkUrl } from './parse';

// Limits that keep a version readable on one screen per part, and the whole stored JSON well inside
// a SharePoint multi-line text field (63,999 characters).

export const POLICY_LIMITS = {
  nameLength: 120,
  headingLength: 120,
  sectionTextLength: 4000,
  sectionHtmlLength: 12000,
  sections: 12,
  itemTitleLength: 120,
  itemDetailLength: 600,
  itemsPerList: 40,
  links: 20,
  linkTitleLength: 120,
  urlLength: 2000,
  changeSummaryLength: 500,
  storedLength: 60000
} as const;

export interface PolicyProblem {
  /** Where, as a path the editor can match: 'dos.3.detail', 'sections.0.body', 'changeSummary'. */
  path: string;
  message: string;
}

const tooLong = (what: string, max: number, actual: number): string => `${what} is ${actual.toLocaleString('en-GB')} characters long; the most is ${max.toLocaleString('en-GB')}.`;

export function validatePolicy(content: PolicyContent, changeSummary: string): PolicyProblem[] {
  const L = POLICY_LIMITS;
  const problems: PolicyProblem[] = [];
  const add = (path: string, message: string): void => { problems.push({ path, message }); };

  for (const key of ['organisation', 'commsHead'] as const) {
    const v = content.names?.[key] ?? '';
    if (v.length > L.nameLength) add(`names.${key}`, tooLong('This name', L.nameLength, v.length));
  }

  if (content.sections.length === 0) add('sections', 'Keep at least one section of introduction.');
  if (content.sections.length > L.sections) add('sections', `Use at most ${L.sections} sections.`);
  content.sections.forEach((s, i) => {
    if (!s.heading.trim()) add(`sections.${i}.heading`, 'Give the section a heading.');
    if (s.heading.length > L.headingLength) add(`sections.${i}.heading`, tooLong('The heading', L.headingLength, s.heading.length));
    const text = htmlToText(s.body);
    if (!text) add(`sections.${i}.body`, 'Write the section, or remove it.');
    if (text.length > L.sectionTextLength) add(`sections.${i}.body`, tooLong('The section', L.sectionTextLength, text.length));
    else if (s.body.length > L.sectionHtmlLength) add(`sections.${i}.body`, 'The section has too much formatting; simplify it.');
  });

  for (const [key, label] of [['dos', 'do'], ['donts', "don't"]] as const) {
    const list = content[key];
    if (list.length === 0) add(key, `Keep at least one ${label}.`);
    if (list.length > L.itemsPerList) add(key, `Use at most ${L.itemsPerList} ${label}s.`);
    list.forEach((item, i) => {
      if (!item.title.trim()) add(`${key}.${i}.title`, `Give the ${label} a short headline.`);
      if (item.title.length > L.itemTitleLength) add(`${key}.${i}.title`, tooLong('The headline', L.itemTitleLength, item.title.length));
      if (item.detail.length > L.itemDetailLength) add(`${key}.${i}.detail`, tooLong('The explanation', L.itemDetailLength, item.detail.length));
    });
  }

  if (content.links.length > L.links) add('links', `Use at most ${L.links} links.`);
  content.links.forEach((link, i) => {
    if (!link.title.trim()) add(`links.${i}.title`, 'Give the link a title.');
    if (link.title.length > L.linkTitleLength) add(`links.${i}.title`, tooLong('The title', L.linkTitleLength, link.title.length));
    if (link.url.length > L.urlLength || !safeLinkUrl(link.url)) add(`links.${i}.url`, 'Use a full web address starting with https:// (or a mailto: address).');
  });

  const ids = [...content.sections.map((s) => s.id), ...content.dos.map((d) => d.id), ...content.donts.map((d) => d.id)];
  if (new Set(ids).size !== ids.length) add('content', 'Two parts of the policy have the same id; reload the editor.');

  if (!changeSummary.trim()) add('changeSummary', 'Say in a sentence what changed; staff see it with the new version.');
  if (changeSummary.length > L.changeSummaryLength) add('changeSummary', tooLong('The summary', L.changeSummaryLength, changeSummary.length));

  if (problems.length === 0 && JSON.stringify(content).length > L.storedLength) add('content', 'The policy as a whole is too long to store; shorten it.');
  return problems;
}
