import fc from 'fast-check';
import {
  DEFAULT_POLICY, fillPlaceholders, highlight, parsePolicyContent, PolicyContentError, safeLinkUrl, searchPolicy
} from '../../src/domain/policy';

describe('default policy content', () => {
  const all = (): string => JSON.stringify(DEFAULT_POLICY).toLowerCase();

  // PRODUCT.md §6: every rule of the template the product carries is stated in the default policy.
  it.each([
    ['business case and comms approval for new accounts', ['business case', 'approval']],
    ['final decision with the comms head', ['final decision']],
    ['share passwords with comms, and when changed', ['passwords', 'change']],
    ['with nobody else', ['anyone else']],
    ['a plan: objectives, content, timing', ['objectives', 'content']],
    ['clean hashtags', ['hashtag', 'not have been used before']],
    ['resourcing and leave cover, rota', ['backup', 'rota', 'leave']],
    ['monitor daily, answer same day', ['every working day', 'the day they arrive']],
    ['monthly one-page report on the 1st', ['one-page report', '1st']],
    ['emergency plan', ['emergency plan']],
    ['paid adverts only for campaigns, events, recruitment with a financial return', ['campaigns, events or recruitment', 'financial return']],
    ['no unattended accounts; close poor performers', ['unattended', 'authority to close']],
    ['time costs', ['staff time costs']],
    ['office hours stated on the profile', ['say so on its profile']],
    ['HR code of conduct; meeting test; responsible, respectful, honest', ['code of conduct', 'meeting', 'respectful', 'honest']],
    ['talk to comms and learn from others', ['talk to the communications team', 'learn from good practice']]
  ])('covers: %s', (_rule, phrases) => {
    for (const phrase of phrases) expect(all()).toContain(phrase.toLowerCase());
  });

  it('has unique item ids', () => {
    const ids = [...DEFAULT_POLICY.dos, ...DEFAULT_POLICY.donts].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('round-trips through the stored JSON form', () => {
    expect(parsePolicyContent(JSON.stringify(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
  });
});

describe('placeholders', () => {
  it('fills the organisation and comms head names', () => {
    expect(fillPlaceholders('{organisation} asks {commsHead}', { organisation: 'Northshire Council', commsHead: 'Hannah Lewis' }))
      .toBe('Northshire Council asks Hannah Lewis');
  });

  it('falls back to neutral words when a setting is empty, and leaves other braces alone', () => {
    expect(fillPlaceholders('{organisation} / {commsHead} / {other}', { organisation: ' ', commsHead: '' }))
      .toBe('our organisation / the head of communications / {other}');
  });
});

describe('policy search', () => {
  it('needs every word, ignoring case and accents', () => {
    const r = searchPolicy(DEFAULT_POLICY, 'PASSWÖRDS change');
    expect(r.dos.map((i) => i.id)).toEqual(['do-passwords']);
    expect(r.donts).toEqual([]);
  });

  it('searches the rendered text, so the organisation name is findable', () => {
    const r = searchPolicy(DEFAULT_POLICY, 'northshire', (t) => fillPlaceholders(t, { organisation: 'Northshire Council' }));
    expect(r.sections.map((s) => s.id)).toEqual(['why']);
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(searchPolicy(DEFAULT_POLICY, '  ').dos).toHaveLength(DEFAULT_POLICY.dos.length);
    expect(searchPolicy(DEFAULT_POLICY, 'zzqxv').total).toBe(0);
  });

  it('highlights without losing or changing any character', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 20 }), (text, query) => {
      expect(highlight(text, query).map((s) => s.text).join('')).toBe(text);
    }));
  });

  it('marks matches in accented text', () => {
    expect(highlight('Café rules', 'cafe')).toEqual([{ text: 'Café', hit: true }, { text: ' rules', hit: false }]);
  });
});

describe('stored policy content is checked, not trusted', () => {
  it('refuses anything that is not a policy with a clear error', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
      try {
        const content = parsePolicyContent(raw);
        expect(Array.isArray(content.dos)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyContentError);
      }
    }));
  });

  it('only turns http(s) and mailto into links', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeLinkUrl('not a url')).toBeUndefined();
    expect(safeLinkUrl('https://intranet.example.org/x')).toBe('https://intranet.example.org/x');
    expect(safeLinkUrl('mailto:comms@example.org')).toBe('mailto:comms@example.org');
  });
});
