import { checkHashtag, compareTags, normaliseTag, TAG_STATUSES, validateHashtag, type RegisteredTagLike } from '../../../src/domain/hashtags';
import { LISTS } from '../../../src/data/schema';

describe('the NormalisedTag key', () => {
  it('folds case, accents, punctuation and digits used for letters to one key', () => {
    const key = normaliseTag('#LibraryWeek');
    for (const spelling of ['#libraryweek', '#Library_Week', '#LíbraryWéek', '#L1brary_W33k', '#LIBRARY-WEEK!', '#Ｌｉｂｒａｒｙ Week', '#Li\u0301braryWeek']) {
      expect([spelling, normaliseTag(spelling)]).toEqual([spelling, key]);
    }
    expect(normaliseTag('#Straße')).toBe(normaliseTag('#STRASSE'));
    expect(normaliseTag('#ΟΔΟΣ')).toBe(normaliseTag('#οδοσ'));
    expect(normaliseTag('#BookWeek')).not.toBe(key);
  });

  it('is empty for a tag with no letters or numbers, and never longer than the register field takes for a valid tag', () => {
    expect(normaliseTag('#___')).toBe('');
    const max = LISTS.hashtags.fields.find((f) => f.name === 'NormalisedTag')!.maxLength!;
    const v = validateHashtag(`#${'ﬃ'.repeat(46)}`);
    expect(v.ok && v.normalised.length).toBe(138);
    expect(138).toBeLessThanOrEqual(max);
    expect(validateHashtag(`#${'ﬃ'.repeat(59)}`)).toEqual({ ok: false, message: expect.stringMatching(/too long once its letters are spelt out/) });
  });

  it('the statuses are the register\'s', () => {
    expect(LISTS.hashtags.fields.find((f) => f.name === 'TagStatus')!.choices).toEqual(TAG_STATUSES);
  });
});

describe('the second look', () => {
  it('says exactly how two tags differ', () => {
    expect(compareTags('#LibraryWeek', '#LibraryWeek')).toEqual({ kind: 'exact' });
    // The same letters encoded two ways (é as one character or e plus an accent) are the same tag.
    expect(compareTags('#Caf\u00e9', '#Cafe\u0301')).toEqual({ kind: 'exact' });
    expect(compareTags('#libraryweek', '#LibraryWeek')).toEqual({ kind: 'near', differences: ['case'] });
    expect(compareTags('#Café', '#Cafe')).toEqual({ kind: 'near', differences: ['accents'] });
    expect(compareTags('#Library_Week', '#LibraryWeek')).toEqual({ kind: 'near', differences: ['punctuation'] });
    expect(compareTags('#L1braryW33k', '#LibraryWeek')).toEqual({ kind: 'near', differences: ['digits'] });
    expect(compareTags('#1ibrary', '#Library')).toEqual({ kind: 'near', differences: ['digits'] });
    expect(compareTags('#1ibrary_wéek', '#LibraryWeek')).toEqual({ kind: 'near', differences: ['case', 'accents', 'punctuation', 'digits'] });
  });

  it('keys that collide without a digit to explain it are different tags', () => {
    // {1, i, l} share a key, so #mail and #maii are candidates of each other, but neither uses a digit.
    expect(normaliseTag('#mail')).toBe(normaliseTag('#maii'));
    expect(compareTags('#mail', '#maii')).toBeUndefined();
    // Two different numbers are two different tags, even where both digits could stand for g.
    expect(compareTags('#Race6', '#Race9')).toBeUndefined();
    expect(compareTags('#Run2026', '#Run2025')).toBeUndefined();
  });
});

describe('the clean check', () => {
  const register: (RegisteredTagLike & { id: number })[] = [
    { id: 1, tag: '#LibraryWeek', status: 'In use', usedBy: 'Northshire Libraries' },
    { id: 2, tag: '#Libraryweek2019', status: 'Retired' },
    { id: 3, tag: '#L1braryW33k', status: 'Retired' },
    { id: 4, tag: '#maii', status: 'Proposed', usedBy: 'Mail room' },
    { id: 5, tag: '#Library_week', status: 'Proposed' }
  ];

  it('a new tag is clean', () => {
    expect(checkHashtag('#BookFest', register)).toEqual({ clean: true, matches: [] });
  });

  it('reports the exact match first, then retired tags, each with a message that says what to do', () => {
    const check = checkHashtag('#LibraryWeek', register);
    expect(check.clean).toBe(false);
    expect(check.matches.map((m) => [m.registered.id, m.comparison])).toEqual([
      [1, { kind: 'exact' }], [3, { kind: 'near', differences: ['digits'] }], [5, { kind: 'near', differences: ['case', 'punctuation'] }]
    ]);
    expect(check.matches[0].message).toBe('#LibraryWeek is already in use by Northshire Libraries. Choose a new hashtag, or ask comms whether this one can be shared.');
    expect(check.matches[1].message).toBe('#LibraryWeek differs from #L1braryW33k (a hashtag we retired) only in digits used for letters, so people would mix them up. Choose a hashtag that differs in its letters.');
  });

  it('a retired tag is never reusable, exactly or nearly', () => {
    expect(checkHashtag('#L1braryW33k', register).matches[0]).toMatchObject({ registered: { id: 3 }, message: '#L1braryW33k was ours and has been retired. A retired hashtag is never used again: choose a new one.' });
    expect(checkHashtag('#libraryweek2019', register)).toMatchObject({ clean: false, matches: [{ registered: { id: 2 }, comparison: { kind: 'near', differences: ['case'] } }] });
  });

  it('a key collision that is not a near match does not make a tag unclean', () => {
    expect(checkHashtag('#mail', register)).toEqual({ clean: true, matches: [] });
  });
});

describe('what a hashtag may look like', () => {
  it.each([
    ['', 'Write the hashtag, starting with #, for example #LibraryWeek.'],
    ['LibraryWeek', 'Start the hashtag with #, for example #LibraryWeek.'],
    ['#', 'Write the words of the hashtag after the #.'],
    ['##Library', 'A hashtag can have only letters, numbers and underscores, after a single #. Remove "#"; to separate words, use capitals (#LibraryWeek) or an underscore.'],
    ['#Library Week!', 'A hashtag can have only letters, numbers and underscores, after a single #. Remove spaces and "!"; to separate words, use capitals (#LibraryWeek) or an underscore.'],
    ["#a'b-c.d", 'A hashtag can have only letters, numbers and underscores, after a single #. Remove "\'", "-" and "."; to separate words, use capitals (#LibraryWeek) or an underscore.'],
    ['#2026', 'Add at least one letter: the platforms do not link a hashtag made only of numbers.'],
    [`#${'a'.repeat(60)}`, 'This hashtag is 61 characters long; keep it to 60 or fewer so people can read and type it.']
  ])('refuses %j with a message that says how to fix it', (tag, message) => {
    expect(validateHashtag(tag)).toEqual({ ok: false, message });
  });

  it('accepts letters of any language, digits and underscores, exactly as typed', () => {
    for (const tag of ['#LibraryWeek', '#Llyfrgell_Cymru', '#Straße2026', '#Ναυπλιο', '#हिन्दी', '#図書館']) {
      expect(validateHashtag(tag)).toEqual({ ok: true, tag, normalised: normaliseTag(tag) });
    }
  });
});

it('suggests the tag someone meant when they left out the #', () => {
  expect(validateHashtag('Library Week!')).toEqual({ ok: false, message: 'Start the hashtag with #, for example #LibraryWeek.' });
  expect(validateHashtag('2026')).toEqual({ ok: false, message: 'Start the hashtag with #, for example #LibraryWeek.' });
  expect(validateHashtag('Llyfrgell_Cymru')).toEqual({ ok: false, message: 'Start the hashtag with #, for example #Llyfrgell_Cymru.' });
});
