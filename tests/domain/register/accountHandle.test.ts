import fc from 'fast-check';
import { MAX_HANDLE_KEY, RESERVED, handleKeyOf, normaliseHandle, sameAccount, type HandleResult } from '../../../src/domain/register/accountHandle';
import { PLATFORMS, type Platform } from '../../../src/domain/register/choices';
import { LISTS } from '../../../src/data/schema';

const ok = (r: HandleResult) => {
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r;
};

describe('reading the common ways people write an account', () => {
  it.each([
    ['@northshirelibraries', undefined, 'northshirelibraries'],
    ['NorthshireLibraries', undefined, 'northshirelibraries'],
    ['  @Northshire_Libraries ', undefined, 'northshire_libraries'],
    ['https://x.com/NorthshireEvents', 'X', 'northshireevents'],
    ['twitter.com/northshireevents/', 'X', 'northshireevents'],
    ['http://mobile.twitter.com/northshireevents?lang=en#top', 'X', 'northshireevents'],
    ['https://x.com/northshireevents/status/1234567890', 'X', 'northshireevents'],
    ['https://www.facebook.com/pages/Northshire-Libraries/123456789', 'Facebook', '123456789'],
    ['facebook.com/pages/category/Library/Northshire-Libraries-123456789/', 'Facebook', '123456789'],
    ['https://www.facebook.com/profile.php?id=100064', 'Facebook', '100064'],
    ['fb.com/northshirelibraries', 'Facebook', 'northshirelibraries'],
    ['m.facebook.com/NorthshireLibraries/', 'Facebook', 'northshirelibraries'],
    ['instagram.com/northshire.libraries/', 'Instagram', 'northshire.libraries'],
    ['https://www.instagram.com/northshirelibraries/?hl=en', 'Instagram', 'northshirelibraries'],
    ['https://www.linkedin.com/company/northshire-council/', 'LinkedIn', 'northshire-council'],
    ['uk.linkedin.com/company/northshire-council/posts', 'LinkedIn', 'northshire-council'],
    ['https://www.linkedin.com/in/jane-doe', 'LinkedIn', 'in/jane-doe'],
    ['https://www.youtube.com/@NorthshireCouncil', 'YouTube', 'northshirecouncil'],
    ['youtube.com/c/NorthshireCouncil/videos', 'YouTube', 'northshirecouncil'],
    ['https://www.tiktok.com/@northshire', 'TikTok', 'northshire'],
    ['https://www.threads.net/@northshire', 'Threads', 'northshire'],
    ['https://bsky.app/profile/northshire.bsky.social', 'Bluesky', 'northshire.bsky.social'],
    ['@northshire@mastodon.social', 'Mastodon', 'northshire@mastodon.social'],
    ['https://mastodon.social/@northshire', 'Mastodon', 'northshire@mastodon.social'],
    ['HTTPS://WWW.X.COM/NORTHSHIREEVENTS', 'X', 'northshireevents']
  ])('%s → %s %s', (input, platform, key) => {
    expect(ok(normaliseHandle(input))).toMatchObject({ platform, key });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://x.com/home', 'notAnAccount'],
    ['https://x.com', 'notAnAccount'],
    ['https://www.instagram.com/p/Cx1abc/', 'notAnAccount'],
    ['https://www.facebook.com/groups/123', 'notAnAccount'],
    ['https://www.tiktok.com/video/123', 'notAnAccount'],
    ['https://www.youtube.com/watch?v=abc', 'notAnAccount'],
    ['https://example.com/northshire', 'unknownSite'],
    ['javascript:alert(1)//x.com/a', 'badAddress'],
    ['ftp://x.com/northshire', 'badAddress'],
    ['north shire', 'looksLikeName'],
    ['Northshire Libraries', 'looksLikeName'],
    ["o'brien", 'badCharacters'],
    ['jane@council.gov.uk', 'badCharacters'],
    ['x'.repeat(501), 'tooLong']
  ])('refuses %j (%s) with a message', (input, problem) => {
    const r = normaliseHandle(input);
    expect(r).toMatchObject({ ok: false, problem });
    expect(!r.ok && r.message.length).toBeGreaterThan(20);
  });

  it('the platform list is the schema\'s Platform choices', () => {
    expect(LISTS.accounts.fields.find((f) => f.name === 'Platform')?.choices).toEqual(PLATFORMS);
  });
});

// Handles as platforms allow them: letters, digits, dot, underscore, hyphen; never a site's own page.
const handleChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-'.split(''));
const handle = fc.array(handleChar, { minLength: 1, maxLength: 30 }).map((cs) => cs.join('')).filter((h) => /[a-z0-9]/i.test(h));
type Spellable = Exclude<Platform, 'Mastodon' | 'Nextdoor' | 'WhatsApp channel' | 'Bluesky' | 'Other'>;
const SPELLABLE: Spellable[] = ['Facebook', 'X', 'Instagram', 'LinkedIn', 'TikTok', 'YouTube', 'Threads'];
const usable = (p: Platform, h: string) => !(RESERVED[p] ?? []).includes(h.toLowerCase());

/** One profile address of handle h on platform p, spelt in one of the ways people paste it. */
const address = (p: Spellable, h: string) => fc.record({
  scheme: fc.constantFrom('', 'https://', 'http://', 'HTTPS://'),
  sub: fc.constantFrom('', 'www.', 'm.', 'mobile.'),
  host: fc.constantFrom(...({ Facebook: ['facebook.com', 'fb.com', 'Facebook.com'], X: ['x.com', 'twitter.com', 'X.COM'], Instagram: ['instagram.com'], LinkedIn: ['linkedin.com'], TikTok: ['tiktok.com'], YouTube: ['youtube.com'], Threads: ['threads.net'] } as Record<Spellable, string[]>)[p]),
  path: fc.constantFrom(...({ Facebook: [h], X: [h, `@${h}`], Instagram: [h], LinkedIn: [`company/${h}`, `showcase/${h}`], TikTok: [`@${h}`], YouTube: [`@${h}`, `c/${h}`, `user/${h}`], Threads: [`@${h}`] } as Record<Spellable, string[]>)[p]),
  slash: fc.constantFrom('', '/'),
  query: fc.constantFrom('', '?hl=en', '?utm_source=share&x=%27'),
  fragment: fc.constantFrom('', '#top', '#')
}).map((a) => `${a.scheme}${a.sub}${a.host}/${a.path}${a.slash}${a.query}${a.fragment}`);

describe('properties', () => {
  it('any input is read or refused with a message; it never throws', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.webUrl(), fc.constantFrom('@', '/', '//', 'x.com/', '@a@', 'https://', 'http://[::1]/@a', '%', 'x.com/%E0%A4%A')), (input) => {
      const r = normaliseHandle(input);
      if (r.ok) {
        expect(r.key).toMatch(/^[a-z0-9._\-/@]+$/);
        expect(r.key.length).toBeLessThanOrEqual(MAX_HANDLE_KEY + 120);
      } else {
        expect(r.message).toMatch(/\w/);
      }
    }), { numRuns: 2000 });
  });

  it('every spelling of one account gives the same key and platform as its bare handle', () => {
    fc.assert(fc.property(fc.constantFrom(...SPELLABLE).chain((p) => handle.filter((h) => usable(p, h)).chain((h) => fc.tuple(fc.constant(p), fc.constant(h), address(p, h), address(p, h)))), ([p, h, a, b]) => {
      const bare = ok(normaliseHandle(`@${h}`));
      const ra = ok(normaliseHandle(a)), rb = ok(normaliseHandle(b));
      expect(ra).toMatchObject({ platform: p, key: h.toLowerCase() });
      expect(rb.key).toBe(ra.key);
      expect(sameAccount(ra, rb)).toBe(true);
      expect(sameAccount(bare, ra)).toBe(true);
      expect(handleKeyOf(a, p)).toBe(h.toLowerCase());
    }), { numRuns: 1000 });
  });

  it('different handles never share a key, and one handle on two platforms is two accounts', () => {
    const case_ = fc.tuple(handle, handle, fc.constantFrom(...SPELLABLE), fc.constantFrom(...SPELLABLE))
      .filter(([h1, h2, p1, p2]) => usable(p1, h1) && usable(p2, h1) && usable(p1, h2))
      .chain(([h1, h2, p1, p2]) => fc.tuple(fc.constant([h1, h2, p1, p2] as const), address(p1, h1), address(p2, h1), address(p1, h2)));
    fc.assert(fc.property(case_, ([[h1, h2, p1, p2], a1, b1, a2]) => {
      const a = ok(normaliseHandle(`@${h1}`)), b = ok(normaliseHandle(`@${h2}`));
      expect(a.key === b.key).toBe(h1.toLowerCase() === h2.toLowerCase());
      // The same handle on two platforms: the same account only when the platform is the same.
      expect(sameAccount(ok(normaliseHandle(a1)), ok(normaliseHandle(b1)))).toBe(p1 === p2);
      // Two handles on one platform: the same account only when the handles are.
      expect(sameAccount(ok(normaliseHandle(a1)), ok(normaliseHandle(a2)))).toBe(h1.toLowerCase() === h2.toLowerCase());
    }), { numRuns: 1000 });
  });

  it('a LinkedIn person and a company with the same name are different accounts', () => {
    fc.assert(fc.property(handle, (h) => {
      const person = ok(normaliseHandle(`https://www.linkedin.com/in/${h}`));
      const company = ok(normaliseHandle(`https://www.linkedin.com/company/${h}`));
      expect(sameAccount(person, company)).toBe(false);
    }));
  });
});
