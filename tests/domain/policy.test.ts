import fc from 'fast-check';
import {
  DEFAULT_POLICY, fillPlaceholders, highlight, isHubFeature, parsePolicyContent, PolicyContentError, safeLinkUrl, searchPolicy, visibleContent
} from '../../src/domain/policy';

describe('default policy content', () => {
  // What staff read today: parts waiting for a feature are left out.
  const today = (): string => JSON.stringify(visibleContent(DEFAULT_POLICY)).toLowerCase();

  // PRODUCT.md §6: every rule of the template the product carries is stated in the policy staff read.
  it.each([
    ['business case and comms approval for new accounts', ['business case', 'approval']],
    ['final decision with the comms head', ['{commshead} takes the final decision']],
    ['share passwords with comms, and when changed', ['passwords', 'whenever you change them']],
    ['with nobody else', ['anyone else']],
    ['a plan: objectives, content, timing', ['objectives', 'content', 'when your audience is online']],
    ['clean hashtags', ['hashtag', 'has not been used before']],
    ['resourcing and leave cover, rota', ['backup', 'rota', 'leave']],
    ['monitor daily, answer same day', ['every working day', 'the day they arrive']],
    ['monthly one-page report on the 1st', ['one-page report', '1st']],
    ['emergency plan', ['emergency plan']],
    ['paid adverts only for campaigns, events, recruitment with a financial return', ['campaigns, events or recruitment', 'financial return']],
    ['no unattended accounts; close poor performers', ['unattended', 'authority to close']],
    ['time costs', ['staff time costs']],
    ['office hours stated on the profile', ['say so on its profile']],
    ['HR code of conduct; meeting test; responsible, respectful, honest', ['code of conduct', 'meeting', 'responsible', 'respectful', 'honest']],
    ['talk to comms and learn from others', ['talk to the communications team', 'learn from good practice']]
  ])('covers: %s', (_rule, phrases) => {
    for (const phrase of phrases) expect(today()).toContain(phrase.toLowerCase());
  });

  // What a UK public body's comms team expects any social media policy to say.
  it.each([
    ['the pre-election period', ['pre-election period', 'party, candidate or campaign']],
    ['personal accounts and political restriction', ['your views are your own', 'politically restricted']],
    ['data protection', ['uk gdpr', 'data protection act 2018', 'personal details']],
    ['accessible posts', ['alt text', 'captions', 'plain english']],
    ['handling abuse', ['abuse', 'keep a copy', 'police']]
  ])('covers the public-sector staple: %s', (_topic, phrases) => {
    for (const phrase of phrases) expect(today()).toContain(phrase);
  });

  it('speaks to each reader: account holders, own accounts, managers, comms', () => {
    expect(visibleContent(DEFAULT_POLICY).sections.map((s) => s.heading)).toEqual(expect.arrayContaining([
      'If you run one of our accounts', 'On your own accounts', 'If you manage people who post', 'What the communications team does'
    ]));
  });

  it('promises nothing the hub does not do yet', () => {
    // Monthly reports are the one feature still to come: nothing says the hub takes them.
    for (const phrase of ['file the report in the hub', 'reminds you before the 1st']) expect(today()).not.toContain(phrase);
    // What has shipped is promised: requests, the vault and the hashtag check.
    for (const phrase of ['make your case through the hub', 'keep passwords in the hub', 'check a new hashtag in the hub']) expect(today()).toContain(phrase);
  });

  it("shows a feature's sentence only once that feature is switched on", () => {
    const sentence = 'follow your request to a decision';
    expect(JSON.stringify(visibleContent(DEFAULT_POLICY, {})).toLowerCase()).not.toContain(sentence);
    expect(JSON.stringify(visibleContent(DEFAULT_POLICY, { vault: true })).toLowerCase()).not.toContain(sentence);
    const withRequests = visibleContent(DEFAULT_POLICY, { requests: true });
    expect(withRequests.dos.find((d) => d.id === 'do-approval-hub')?.detail.toLowerCase()).toContain(sentence);
    // Every feature-tagged part names a feature the hub knows; in this build only monthly reports are off.
    const tagged = [...DEFAULT_POLICY.sections, ...DEFAULT_POLICY.dos, ...DEFAULT_POLICY.donts].filter((p) => p.feature !== undefined);
    expect(tagged.length).toBeGreaterThan(0);
    for (const part of tagged) expect(isHubFeature(part.feature!)).toBe(true);
    expect(visibleContent(DEFAULT_POLICY).dos.filter((d) => d.feature).map((d) => d.feature).sort()).toEqual(['hashtags', 'requests', 'vault']);
  });

  it('never shows a part tagged with a feature this build does not know', () => {
    const content = { ...DEFAULT_POLICY, dos: [{ id: 'x', title: 'Later', detail: 'Soon.', feature: 'teleport' }] };
    expect(visibleContent(content, { requests: true, vault: true, hashtags: true, reports: true, register: true, emergencyRoles: true }).dos).toEqual([]);
  });

  it('has no related links until comms add their own', () => {
    expect(DEFAULT_POLICY.links).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = [...DEFAULT_POLICY.sections, ...DEFAULT_POLICY.dos, ...DEFAULT_POLICY.donts].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('round-trips through the stored JSON form, feature tags included', () => {
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
    const r = searchPolicy(visibleContent(DEFAULT_POLICY), 'PASSWÖRDS change');
    expect(r.dos.map((i) => i.id)).toEqual(['do-passwords']);
    expect(r.donts).toEqual([]);
  });

  it('searches the rendered text, so the organisation name is findable', () => {
    const r = searchPolicy(DEFAULT_POLICY, 'northshire', (t) => fillPlaceholders(t, { organisation: 'Northshire Council' }));
    expect(r.sections.map((s) => s.id)).toContain('why');
    expect(searchPolicy(DEFAULT_POLICY, 'northshire').total).toBe(0);
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
