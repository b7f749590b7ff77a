import type { MajorRelease } from './acknowledgement';

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
  /** Shown only once this hub feature exists (see features.ts); absent for most items. */
  feature?: string;
}

export interface PolicySection {
  id: string;
  heading: string;
  /**
   * Rich text as HTML, sanitised before it is stored and again before it is shown (it is comms'
   * own formatting: paragraphs, bold, italic, lists, links). May use the placeholders.
   */
  body: string;
  /** Shown only once this hub feature exists (see features.ts). */
  feature?: string;
}

/** The names the policy's {organisation} and {commsHead} placeholders stand for. */
export interface PolicyNames {
  organisation: string;
  commsHead: string;
}

export interface PolicyContent {
  /** Names in force for this version; empty ones fall back to the hub's settings. */
  names?: Partial<PolicyNames>;
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
  /** The N.0 of this major: acknowledgements and owners' notifications belong to it, not to a minor. */
  majorRelease?: MajorRelease;
  publishedBy?: string;
  changeSummary?: string;
  content: PolicyContent;
}

/** What the placeholders are replaced with when the policy is shown. */
export type PolicyPlaceholders = PolicyNames;

export function versionNumber(major: number, minor: number): number {
  return major * 1000 + minor;
}

export function versionLabel(major: number, minor: number): string {
  return `${major}.${minor}`;
}

export type VersionKind = 'major' | 'minor';

/** The version after `current`: a major one asks everyone to acknowledge again. */
export function nextVersion(current: { major: number; minor: number } | undefined, kind: VersionKind): { major: number; minor: number } {
  if (!current) return { major: 1, minor: 0 };
  return kind === 'major' ? { major: current.major + 1, minor: 0 } : { major: current.major, minor: current.minor + 1 };
}
