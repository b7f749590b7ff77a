import {
  DEFAULT_POLICY, diffPolicies, fillPlaceholdersHtml, namesFor, nextVersion, validatePolicy, POLICY_LIMITS, type PolicyContent
} from '../../src/domain/policy';
import { toCsv, csvCell } from '../../src/domain/csv';

const clone = (): PolicyContent => JSON.parse(JSON.stringify(DEFAULT_POLICY));

describe('versions', () => {
  it('a major version starts a new major; a minor one counts up', () => {
    expect(nextVersion(undefined, 'minor')).toEqual({ major: 1, minor: 0 });
    expect(nextVersion({ major: 2, minor: 3 }, 'major')).toEqual({ major: 3, minor: 0 });
    expect(nextVersion({ major: 2, minor: 3 }, 'minor')).toEqual({ major: 2, minor: 4 });
  });
});

describe('names and placeholders', () => {
  it("a version's own names win over settings, and names can never add markup", () => {
    expect(namesFor({ names: { organisation: 'Northshire NHS Trust' } }, { organisation: 'Northshire Council', commsHead: 'Hannah' }))
      .toEqual({ organisation: 'Northshire NHS Trust', commsHead: 'Hannah' });
    expect(fillPlaceholdersHtml('<p>{organisation}</p>', { organisation: '<img src=x onerror=alert(1)>' }))
      .toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });
});

describe('policy validation', () => {
  it('accepts the default policy', () => {
    expect(validatePolicy(DEFAULT_POLICY, 'First version')).toEqual([]);
  });

  it('refuses a 10,000-character item with a message that says the limit', () => {
    const c = clone();
    c.dos[2].detail = 'x'.repeat(10_000);
    const problems = validatePolicy(c, 'Longer');
    expect(problems).toEqual([{ path: 'dos.2.detail', message: `The explanation is 10,000 characters long; the most is ${POLICY_LIMITS.itemDetailLength}.` }]);
  });

  it('points at each problem', () => {
    const c = clone();
    c.donts = [];
    c.links = [{ title: 'Code of conduct', url: 'javascript:alert(1)' }];
    c.sections[1].body = '<p>  </p>';
    c.dos[0].title = ' ';
    const paths = validatePolicy(c, '').map((p) => p.path).sort();
    expect(paths).toEqual(['changeSummary', 'donts', 'dos.0.title', 'links.0.url', 'sections.1.body']);
  });
});

describe('what changed between versions', () => {
  it('names added, removed, reworded and moved items, and only those', () => {
    const a = clone();
    const b = clone();
    b.dos.push({ id: 'do-new', title: 'Celebrate success', detail: 'Share what worked.' });
    b.donts = b.donts.filter((d) => d.id !== 'dont-block');
    b.donts[0] = { ...b.donts[0], detail: 'Reworded.' };
    const [first] = b.dos.splice(0, 1);
    b.dos.splice(3, 0, first);
    b.names = { organisation: 'Northshire Council' };
    const changes = diffPolicies(a, b);
    expect(changes).toEqual(expect.arrayContaining([
      { area: 'names', kind: 'changed', id: 'organisation', title: 'Organisation name', before: '', after: 'Northshire Council' },
      { area: 'do', kind: 'added', id: 'do-new', title: 'Celebrate success', after: 'Celebrate success: Share what worked.' },
      { area: 'dont', kind: 'removed', id: 'dont-block', title: "Don't block social media", before: expect.any(String) },
      { area: 'dont', kind: 'changed', id: 'dont-broadcast', title: "Don't just broadcast", before: expect.any(String), after: "Don't just broadcast: Reworded." },
      { area: 'do', kind: 'moved', id: 'do-talk', title: 'Have conversations' }
    ]));
    expect(changes).toHaveLength(5);
  });

  it('counts a section whose formatting changed as changed, though its words did not', () => {
    const a = clone();
    const b = clone();
    b.sections[0] = { ...b.sections[0], body: b.sections[0].body.replace('social media', '<b>social media</b>') };
    expect(diffPolicies(a, b)).toEqual([expect.objectContaining({ area: 'section', kind: 'changed', id: 'why' })]);
  });

  it('finds nothing between a version and itself', () => {
    expect(diffPolicies(DEFAULT_POLICY, clone())).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('Reed, Olivia')).toBe('"Reed, Olivia"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('-1')).toBe("'-1");
    expect(toCsv(['a', 'b'], [[1, undefined]])).toBe('a,b\r\n1,\r\n');
  });
});
