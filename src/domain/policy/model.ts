// The policy as the product holds it: structured content, not a document, so staff can scan the
// do's and don'ts, search them, and comms can edit single items.

export interface PolicyLink {
  title: string;
  url: string;
}

export interface PolicyItem {
  /** Stable id so search results, edits and "what changed" can point at one item. */
  id: string;
  /** Short headline shown in bold. */
  title: string;
  /** One or two sentences of plain text. */
  detail: string;
}

export interface PolicySection {
  id: string;
  heading: string;
  /** Plain-text paragraphs; may use the {organisation} and {commsHead} placeholders. */
  paragraphs: string[];
}

export interface PolicyContent {
  /** Introduction sections, in reading order. */
  sections: PolicySection[];
  dos: PolicyItem[];
  donts: PolicyItem[];
  links: PolicyLink[];
}

export interface PolicyVersion {
  id: number;
  major: number;
  minor: number;
  label: string;
  isMajor: boolean;
  publishedAt?: string;
  publishedBy?: string;
  changeSummary?: string;
  content: PolicyContent;
}

/** Settings the policy text refers to (PRODUCT.md C1: template placeholders are settings). */
export interface PolicyPlaceholders {
  organisation: string;
  commsHead: string;
}

export function versionNumber(major: number, minor: number): number {
  return major * 1000 + minor;
}

export function versionLabel(major: number, minor: number): string {
  return `${major}.${minor}`;
}
