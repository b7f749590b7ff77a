import fc from 'fast-check';
import { checkHashtag, compareTags, DIGIT_LETTERS, HASHTAG_LIMITS, normaliseTag, validateHashtag } from '../../../src/domain/hashtags';

// The key is what the register is queried by, so it must be stable (normalising twice changes
// nothing) and must bring every near match along (any two tags the second look calls near share it).

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme-composite', maxLength: 20 }));

it('normalising is idempotent, for any text at all', () => {
  fc.assert(fc.property(anyText, (s) => {
    const key = normaliseTag(s);
    expect(normaliseTag(key)).toBe(key);
    expect(normaliseTag(`#${key}`)).toBe(key);
  }), { numRuns: 2000 });
});

// Spellings people would read as the same tag: case, accents, punctuation between letters, and
// digits for the letters they look like.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGIT_FOR: Record<string, string[]> = {};
for (const [digit, letters] of Object.entries(DIGIT_LETTERS)) for (const l of letters) (DIGIT_FOR[l] ??= []).push(digit);
const ACCENTS = ['\u0301', '\u0300', '\u0302', '\u0308', '\u030a', '\u0327', '\u0303'];

const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 16 }).map((a) => a.join(''));
const respelt = (w: string) => fc.array(fc.record({
  upper: fc.boolean(), accent: fc.option(fc.constantFrom(...ACCENTS), { freq: 4 }), digit: fc.nat(3), sep: fc.option(fc.constantFrom('_', '-', '.', "'", ' '), { freq: 5 })
}), { minLength: w.length, maxLength: w.length }).map((changes) => [...w].map((c, i) => {
  const ch = changes[i];
  const digits = DIGIT_FOR[c];
  let out = digits && ch.digit === 0 ? digits[0] : ch.upper ? c.toUpperCase() : c;
  if (ch.accent && /[a-z]/i.test(out)) out = `${out}${ch.accent}`.normalize(ch.upper ? 'NFC' : 'NFD');
  return `${out}${ch.sep ?? ''}`;
}).join(''));

it('equivalent spellings collide on the key, and the second look calls them exact or near', () => {
  fc.assert(fc.property(word.chain((w) => fc.tuple(fc.constant(w), respelt(w))), ([w, variant]) => {
    expect(normaliseTag(`#${variant}`)).toBe(normaliseTag(`#${w}`));
    expect(compareTags(`#${variant}`, `#${w}`)).toBeDefined();
    const check = checkHashtag(`#${variant}`, [{ tag: `#${w}`, status: 'Retired' as const }]);
    expect(check.clean).toBe(false);
    expect(check.matches[0].message.length).toBeGreaterThan(20);
  }), { numRuns: 1000 });
});

it('whatever two texts the second look calls near, the key finds (same NormalisedTag)', () => {
  // Pairs that are often near: a text and a respelling of it, plus any two texts.
  const pair = fc.oneof(
    fc.tuple(anyText, anyText),
    word.chain((w) => fc.tuple(respelt(w), respelt(w))),
    anyText.chain((s) => fc.tuple(fc.constant(s), fc.constantFrom(s.toUpperCase(), s.toLowerCase(), s.normalize('NFD'), s.normalize('NFKD'), s.replace(/[aeiou]/g, (c) => `${c}\u0301`), s.replace(/o/g, '0').replace(/[il]/g, '1'))))
  );
  fc.assert(fc.property(pair, ([a, b]) => {
    const c = compareTags(a, b);
    if (c) expect([a, b, normaliseTag(a)]).toEqual([a, b, normaliseTag(b)]);
    // Symmetric: it does not matter which of the two is in the register.
    expect(compareTags(b, a)?.kind).toBe(c?.kind);
  }), { numRuns: 2000 });
});

it('checking and validating never throw, and an accepted tag fits the register', () => {
  fc.assert(fc.property(anyText, fc.array(fc.record({ tag: anyText, status: fc.constantFrom('Proposed' as const, 'In use' as const, 'Retired' as const) }), { maxLength: 4 }), (tag, register) => {
    const check = checkHashtag(tag, register);
    expect(check.clean).toBe(check.matches.length === 0);
    const v = validateHashtag(`#${tag}`);
    if (v.ok) {
      expect(v.tag).toBe(`#${tag}`);
      expect(v.normalised.length).toBeGreaterThan(0);
      expect(v.normalised.length).toBeLessThanOrEqual(HASHTAG_LIMITS.normalisedLength);
      expect(v.normalised).toBe(normaliseTag(v.tag));
    } else {
      expect(v.message.length).toBeGreaterThan(20);
    }
  }), { numRuns: 1000 });
});
