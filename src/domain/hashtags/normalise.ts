// Folding a hashtag down to the form the register stores in NormalisedTag, so that one indexed `eq`
// query finds every tag that could be a near match of a proposed one.
//
// What the key can do, and what it cannot:
// - case, accents and punctuation are plain folds: two tags that differ only in those have the same
//   key, and a tag's key says nothing more than "these folds agree";
// - digits used for letters are not a fold but a relation ("1" may stand for "i" or for "l"), and a
//   key must be one value, so the key merges each digit with every letter it can stand for into one
//   class ({1, i, l} → "i"). That merges more than the relation: "#mail" and "#maii" share a key
//   without a digit in sight. The key therefore finds a superset of the near matches, and the second
//   look (`compareTags` in clean.ts) decides which candidates really are near matches and says how
//   they differ. Nothing the second look would call a near match can have another key: it compares
//   the same folds, and a digit only ever matches a letter of its own class.

/** Letters that Unicode decomposition leaves whole but people read as plain letters (case kept). */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  'ß': 'ss', 'ẞ': 'SS', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L',
  'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'TH', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T'
};
const LETTER_FOLD = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

// Combining diacritical marks (the blocks that decomposed Latin, Greek and Cyrillic letters use).
// Marks of other scripts (Devanagari vowel signs, say) are part of the word and stay.
// eslint-disable-next-line no-misleading-character-class -- a class of combining marks on purpose, matched one by one
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

// Anything that is not a letter, a mark or a number is punctuation for this purpose: underscores,
// hyphens, dots, apostrophes, spaces, symbols, emoji, and the leading #.
const NOT_WORD = /[^\p{L}\p{M}\p{N}]/gu;

/**
 * Digits people use for letters, each with the letters it can stand for. The key merges each digit
 * with its letters into one class, named by a letter of the class.
 */
export const DIGIT_LETTERS: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'], '1': ['i', 'l'], '2': ['z'], '3': ['e'], '4': ['a'], '5': ['s'], '6': ['g'], '7': ['t'], '8': ['b'], '9': ['g']
};

const CLASS_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [digit, letters] of Object.entries(DIGIT_LETTERS)) {
    // 6 and 9 both stand for g: they join the class g already names.
    const name = letters.map((l) => m.get(l)).find((x) => x !== undefined) ?? letters[0];
    for (const c of [digit, ...letters]) m.set(c, name);
  }
  return m;
})();

/** The differences the clean check can fold away. */
export type TagFold = 'case' | 'accents' | 'punctuation';
export const ALL_FOLDS: readonly TagFold[] = ['case', 'accents', 'punctuation'];

/** Lower case; Greek final sigma is the same letter as sigma. */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ς/g, 'σ');
}

/** Accents and special letters folded to plain letters; compatibility forms (full-width, ligatures) too. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(DIACRITICS, '').replace(LETTER_FOLD, (c) => LETTER_FOLDS[c]);
}

/** Only letters, marks and numbers left. */
export function foldPunctuation(text: string): string {
  return text.replace(NOT_WORD, '');
}

/**
 * A tag with the chosen differences folded away, in canonical (NFC) form so that two encodings of
 * the same letter never count as a difference. Case and accents are folded twice because each can
 * reveal work for the other: decomposing a full-width Ａ gives an upper-case A, lower-casing ẞ gives ß.
 */
export function foldTag(tag: string, folds: readonly TagFold[] = ALL_FOLDS): string {
  const has = (f: TagFold): boolean => folds.includes(f);
  let s = tag.normalize('NFC');
  for (let i = 0; i < 2; i++) {
    if (has('accents')) s = foldAccents(s);
    if (has('case')) s = foldCase(s);
  }
  if (has('punctuation')) s = foldPunctuation(s);
  return s.normalize('NFC');
}

/** Each digit and the letters it can stand for replaced by the name of their class. */
export function foldDigits(text: string): string {
  let out = '';
  for (const c of text) out += CLASS_OF.get(c) ?? c;
  return out;
}

/** Whether `digit` is a digit that can stand for `letter`. */
export function digitStandsFor(digit: string, letter: string): boolean {
  return DIGIT_LETTERS[digit]?.includes(letter) ?? false;
}

/**
 * The NormalisedTag of a hashtag: case, accents, punctuation (the # too) and digit/letter classes
 * folded away. Idempotent; empty when the tag has no letters or numbers at all.
 */
export function normaliseTag(tag: string): string {
  return foldDigits(foldTag(tag));
}
