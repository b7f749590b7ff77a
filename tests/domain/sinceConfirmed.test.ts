import { changedParts, lastConfirmedVersion, versionsSince, whatChangedSince, DEFAULT_POLICY, type PolicyContent } from '../../src/domain/policy';

// Server times a minute apart, increasing, as SharePoint records them.
const t = (minute: number): string => new Date(Date.parse('2026-11-20T09:00:00Z') + minute * 60_000).toISOString();
const v = (id: number, major: number, minor: number, minute: number, changeSummary?: string) => ({ id, major, minor, label: `${major}.${minor}`, publishedAt: t(minute), changeSummary });

// 1.0 at minute 0, 1.1 at 10, 1.2 at 20, 2.0 at 30, 2.1 at 40 (given out of order on purpose).
const PUBLISHED = [v(5, 2, 1, 40, 'typo'), v(1, 1, 0, 0, 'first'), v(4, 2, 0, 30, 'election rules'), v(2, 1, 1, 10, 'links'), v(3, 1, 2, 20, 'wording')];

describe('the version a person last confirmed', () => {
  it('is the version of the acknowledged major in force when they acknowledged', () => {
    expect(lastConfirmedVersion([{ major: 1, at: t(5) }], PUBLISHED)?.label).toBe('1.0');
    expect(lastConfirmedVersion([{ major: 1, at: t(15) }], PUBLISHED)?.label).toBe('1.1');
    expect(lastConfirmedVersion([{ major: 1, at: t(25) }], PUBLISHED)?.label).toBe('1.2');
  });

  it('takes their newest acknowledgement', () => {
    expect(lastConfirmedVersion([{ major: 1, at: t(5) }, { major: 2, at: t(35) }], PUBLISHED)?.label).toBe('2.0');
  });

  it('ignores acknowledgements that never counted: before the major was published, or of a major never published', () => {
    expect(lastConfirmedVersion([{ major: 2, at: t(29) }], PUBLISHED)).toBeUndefined();
    expect(lastConfirmedVersion([{ major: 999, at: t(50) }, { major: 1, at: t(12) }], PUBLISHED)?.label).toBe('1.1');
    expect(lastConfirmedVersion([], PUBLISHED)).toBeUndefined();
  });
});

describe('what changed since', () => {
  it('lists every major and minor version after the confirmed one, newest first', () => {
    expect(versionsSince(PUBLISHED[1], PUBLISHED).map((x) => x.label)).toEqual(['2.1', '2.0', '1.2', '1.1']);
    const since = whatChangedSince([{ major: 1, at: t(15) }], PUBLISHED);
    expect(since.confirmed?.label).toBe('1.1');
    expect(since.since.map((x) => [x.label, x.changeSummary])).toEqual([['2.1', 'typo'], ['2.0', 'election rules'], ['1.2', 'wording']]);
  });

  it('says nothing else on a first time', () => {
    expect(whatChangedSince([], PUBLISHED)).toEqual({ since: [] });
  });
});

describe('changed parts', () => {
  const before: PolicyContent = DEFAULT_POLICY;
  const [s0, s1, ...restSections] = before.sections;
  const [d0, ...restDos] = before.dos;

  it('marks reworded and added sections and items, by id', () => {
    const after: PolicyContent = {
      ...before,
      sections: [s0, { ...s1, body: `${s1.body}<p>One more sentence.</p>` }, ...restSections],
      dos: [{ ...d0, detail: `${d0.detail} Always.` }, ...restDos, { id: 'do-new', title: 'New', detail: 'A new one' }]
    };
    const parts = changedParts(before, after);
    expect([...parts.sections]).toEqual([s1.id]);
    expect([...parts.dos].sort()).toEqual([d0.id, 'do-new'].sort());
    expect([...parts.donts]).toEqual([]);
  });

  it('does not mark parts that only moved or were removed, nor anything when nothing changed', () => {
    const moved: PolicyContent = { ...before, sections: [s1, s0, ...restSections], dos: restDos };
    const parts = changedParts(before, moved);
    expect(parts.sections.size + parts.dos.size + parts.donts.size).toBe(0);
    const same = changedParts(before, before);
    expect(same.sections.size + same.dos.size + same.donts.size).toBe(0);
  });
});
