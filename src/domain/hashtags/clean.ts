import { ALL_FOLDS, digitStandsFor, foldTag, type TagFold } from './normalise';

// The clean check (PRODUCT.md C7): a proposed hashtag is clean when the register has nothing exactly
// like it and nothing that differs from it only in case, accents, punctuation or digits used for
// letters. Retired tags count like any other: a retired tag is never reused. The register's
// candidates come from one indexed query on NormalisedTag; this is the second look that decides
// which of them really are near matches (see normalise.ts) and says how they differ.

export const TAG_STATUSES = ['Proposed', 'In use', 'Retired'] as const;
export type TagStatus = (typeof TAG_STATUSES)[number];

export type TagDifference = TagFold | 'digits';

export interface RegisteredTagLike {
  tag: string;
  status: TagStatus;
  /** The account or campaign that uses it. */
  usedBy?: string;
}

export type TagComparison = { kind: 'exact' } | { kind: 'near'; differences: TagDifference[] };

const body = (tag: string): string => tag.replace(/^#/, '');

/**
 * Same length, and where they differ one side is a digit that can stand for the other side's letter
 * (in either case: a 1 for an L is a digit for a letter, not also a difference of case).
 */
function sameButDigits(a: string, b: string): boolean {
  const x = [...a], y = [...b];
  if (x.length !== y.length) return false;
  return x.every((c, i) => c === y[i] || digitStandsFor(c, y[i].toLowerCase()) || digitStandsFor(y[i], c.toLowerCase()));
}

function alike(a: string, b: string, folds: readonly TagFold[], digits: boolean): boolean {
  const x = foldTag(body(a), folds), y = foldTag(body(b), folds);
  return x === y || (digits && sameButDigits(x, y));
}

/**
 * How two tags compare: exact (the same text, however its letters are encoded), near (the same once
 * the listed differences are set aside), or undefined when they are different tags, even if their
 * keys collide.
 */
export function compareTags(proposed: string, registered: string): TagComparison | undefined {
  if (body(proposed).normalize('NFC') === body(registered).normalize('NFC')) return { kind: 'exact' };
  if (!alike(proposed, registered, ALL_FOLDS, true)) return undefined;
  // A difference is named when setting every other kind aside still leaves the tags apart.
  const kinds: TagDifference[] = [...ALL_FOLDS, 'digits'];
  const needed = kinds.filter((k) => !alike(proposed, registered, ALL_FOLDS.filter((f) => f !== k), k !== 'digits'));
  if (needed.length) return { kind: 'near', differences: needed };
  // Two kinds that each explain the same difference (rare: a letter that is both a case and an
  // accent form): name every kind that changes either tag.
  const changes = kinds.filter((k) => k === 'digits' ? /\d/.test(proposed + registered) : foldTag(body(proposed), [k]) !== body(proposed).normalize('NFC') || foldTag(body(registered), [k]) !== body(registered).normalize('NFC'));
  return { kind: 'near', differences: changes.length ? changes : ['punctuation'] };
}

export interface TagMatch<T extends RegisteredTagLike> {
  registered: T;
  comparison: TagComparison;
  /** Plain English: what the match is and what to do. */
  message: string;
}

export interface CleanCheck<T extends RegisteredTagLike> {
  /** Nothing in the register is the same or too close. */
  clean: boolean;
  /** Exact matches first, then retired tags, then the rest in the register's order. */
  matches: TagMatch<T>[];
}

const DIFFERENCE_WORDS: Record<TagDifference, string> = {
  case: 'capital letters', accents: 'accents or special letters (such as ß)', punctuation: 'punctuation or underscores', digits: 'digits used for letters'
};

const listed = (parts: string[]): string => parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

function messageFor(proposed: string, r: RegisteredTagLike, c: TagComparison): string {
  const who = r.usedBy?.trim() ? ` by ${r.usedBy.trim()}` : '';
  if (c.kind === 'exact') {
    if (r.status === 'Retired') return `${r.tag} was ours and has been retired. A retired hashtag is never used again: choose a new one.`;
    if (r.status === 'In use') return `${r.tag} is already in use${who}. Choose a new hashtag, or ask comms whether this one can be shared.`;
    return `${r.tag} has already been proposed${who}. Choose a different hashtag.`;
  }
  const how = listed(c.differences.map((d) => DIFFERENCE_WORDS[d]));
  const status = r.status === 'Retired' ? 'a hashtag we retired' : r.status === 'In use' ? `in use${who}` : `already proposed${who}`;
  return `${proposed} differs from ${r.tag} (${status}) only in ${how}, so people would mix them up. Choose a hashtag that differs in its letters.`;
}

const rank = (m: TagMatch<RegisteredTagLike>): number => (m.comparison.kind === 'exact' ? 0 : m.registered.status === 'Retired' ? 1 : 2);

/**
 * The clean check of `proposed` against register entries (normally those sharing its NormalisedTag;
 * any others are simply found not to match).
 */
export function checkHashtag<T extends RegisteredTagLike>(proposed: string, register: readonly T[]): CleanCheck<T> {
  const matches: TagMatch<T>[] = [];
  for (const registered of register) {
    const comparison = compareTags(proposed, registered.tag);
    if (comparison) matches.push({ registered, comparison, message: messageFor(proposed, registered, comparison) });
  }
  matches.sort((a, b) => rank(a) - rank(b));
  return { clean: matches.length === 0, matches };
}
