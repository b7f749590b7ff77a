import { normaliseTag } from './normalise';

// What a hashtag may look like before it is checked against the register. The platforms link a tag
// made of letters, numbers and underscores; anything else (a space, a hyphen, an apostrophe) ends
// the tag early, and a tag of numbers alone is not linked at all.

export const HASHTAG_LIMITS = {
  /** The whole tag with its #. Long tags are hard to read and to type; the register's Tag field takes 140. */
  tagLength: 60,
  /** The register's NormalisedTag field. */
  normalisedLength: 140
} as const;

const ALLOWED = /^[\p{L}\p{M}\p{Nd}_]$/u;
const LETTER = /\p{L}/u;

export type HashtagValidation = { ok: true; tag: string; normalised: string } | { ok: false; message: string };

const describe = (c: string): string => {
  if (c === ' ') return 'spaces';
  if (/\s/u.test(c)) return 'line breaks or tabs';
  if (/[\ud800-\udfff]/.test(c) && c.length === 1) return 'a broken character';
  if (/\p{Cc}|\p{Cf}/u.test(c)) return 'an invisible character';
  return `"${c}"`;
};

/** Checks a proposed hashtag as typed (with its #); the tag accepted is exactly what was typed. */
export function validateHashtag(value: string): HashtagValidation {
  if (value.trim() === '') return { ok: false, message: 'Write the hashtag, starting with #, for example #LibraryWeek.' };
  if (!value.startsWith('#')) {
    // Suggest the tag they meant, when what they typed gives one.
    const meant = [...value.replace(/[^\p{L}\p{M}\p{Nd}_]/gu, '')].slice(0, 30).join('');
    return { ok: false, message: `Start the hashtag with #, for example #${/\p{L}/u.test(meant) ? meant : 'LibraryWeek'}.` };
  }
  const body = value.slice(1);
  if (body === '') return { ok: false, message: 'Write the words of the hashtag after the #.' };
  const bad: string[] = [];
  for (const c of body) if (!ALLOWED.test(c)) { const d = describe(c); if (!bad.includes(d)) bad.push(d); }
  if (bad.length) {
    const shown = bad.length <= 4 ? bad.join(' and ').replace(/ and (?=.* and )/g, ', ') : bad.slice(0, 4).join(', ');
    return { ok: false, message: `A hashtag can have only letters, numbers and underscores, after a single #. Remove ${shown}${bad.length > 4 ? ' and the other symbols' : ''}; to separate words, use capitals (#LibraryWeek) or an underscore.` };
  }
  if (!LETTER.test(body)) return { ok: false, message: 'Add at least one letter: the platforms do not link a hashtag made only of numbers.' };
  if (value.length > HASHTAG_LIMITS.tagLength) {
    return { ok: false, message: `This hashtag is ${value.length} characters long; keep it to ${HASHTAG_LIMITS.tagLength} or fewer so people can read and type it.` };
  }
  const normalised = normaliseTag(value);
  if (normalised === '') return { ok: false, message: 'This hashtag uses characters that cannot be checked against the register. Use plain letters and numbers.' };
  if (normalised.length > HASHTAG_LIMITS.normalisedLength) {
    return { ok: false, message: 'This hashtag is too long once its letters are spelt out (a ligature such as ﬃ counts as three letters). Shorten it.' };
  }
  return { ok: true, tag: value, normalised };
}
