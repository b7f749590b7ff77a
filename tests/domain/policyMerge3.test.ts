import { chooseAll, merge3, mergeParts, resolveMerge, unresolvedParts, type PolicyContent } from '../../src/domain/policy';

// The three-way merge behind "no lost edits": a draft started from 2.2 meets 3.0, published
// meanwhile. Parts only one side changed take that side; parts both changed wait for a choice.

const item = (id: string, title: string, detail = `${title} detail`) => ({ id, title, detail });
const section = (id: string, heading: string, body = `<p>${heading} text</p>`) => ({ id, heading, body });

const base: PolicyContent = {
  names: { organisation: 'Council', commsHead: 'Hannah' },
  sections: [section('intro', 'Intro'), section('who', 'Who'), section('why', 'Why')],
  dos: [item('d1', 'Be kind'), item('d2', 'Check facts'), item('d3', 'Ask comms')],
  donts: [item('n1', 'No politics')],
  links: [{ title: 'Guide', url: 'https://example.org/guide' }]
};
const copy = (c: PolicyContent): PolicyContent => JSON.parse(JSON.stringify(c)) as PolicyContent;

describe('merge3', () => {
  it('takes the one side that changed a part, and says which', () => {
    const theirs = copy(base);
    theirs.sections[0].body = '<p>Intro text, reworded by me</p>';
    const published = copy(base);
    published.sections[1].heading = 'Who this is for';
    const m = merge3(base, theirs, published);
    const states = Object.fromEntries(m.sections.parts.map((p) => [p.id, p.state]));
    expect(states).toEqual({ intro: 'theirs', who: 'published', why: 'same' });
    expect(unresolvedParts(m, {})).toEqual([]);
    const merged = resolveMerge(m, {});
    expect(merged.sections.map((s) => [s.heading, s.body])).toEqual([
      ['Intro', '<p>Intro text, reworded by me</p>'], ['Who this is for', '<p>Who text</p>'], ['Why', '<p>Why text</p>']
    ]);
  });

  it('waits for a choice where both changed the same part, then takes the chosen side', () => {
    const theirs = copy(base);
    theirs.dos[1].detail = 'Mine';
    const published = copy(base);
    published.dos[1].detail = 'Theirs in force';
    const m = merge3(base, theirs, published);
    expect(unresolvedParts(m, {}).map((p) => p.key)).toEqual(['do:d2']);
    expect(() => resolveMerge(m, {})).toThrow(/do:d2/);
    expect(resolveMerge(m, { 'do:d2': 'theirs' }).dos[1].detail).toBe('Mine');
    expect(resolveMerge(m, { 'do:d2': 'published' }).dos[1].detail).toBe('Theirs in force');
    // A choice can also override a one-sided change.
    expect(resolveMerge(m, chooseAll(m, 'published')).dos[1].detail).toBe('Theirs in force');
  });

  it('both making the same change is no conflict', () => {
    const theirs = copy(base);
    theirs.donts[0].title = 'No party politics';
    const m = merge3(base, theirs, copy(theirs));
    expect(mergeParts(m).every((p) => p.state === 'same')).toBe(true);
    expect(resolveMerge(m, {}).donts[0].title).toBe('No party politics');
  });

  it('keeps an item added on one side, in its place, and one removed on the other', () => {
    const theirs = copy(base);
    theirs.dos.splice(1, 0, item('d9', 'Mine, new'));
    const published = copy(base);
    published.dos.splice(2, 1); // d3 removed in the version in force
    published.links.push({ title: 'New', url: 'https://example.org/new' });
    const m = merge3(base, theirs, published);
    expect(m.dos.parts.find((p) => p.id === 'd9')?.state).toBe('theirs');
    expect(m.dos.parts.find((p) => p.id === 'd3')?.state).toBe('published');
    const merged = resolveMerge(m, {});
    expect(merged.dos.map((i) => i.id)).toEqual(['d1', 'd9', 'd2']);
    expect(merged.links.map((l) => l.url)).toEqual(['https://example.org/guide', 'https://example.org/new']);
  });

  it('a part removed on one side and changed on the other is a choice, never a silent loss', () => {
    const theirs = copy(base);
    theirs.sections = theirs.sections.filter((s) => s.id !== 'why');
    const published = copy(base);
    published.sections[2].body = '<p>Why, rewritten</p>';
    const m = merge3(base, theirs, published);
    expect(unresolvedParts(m, {}).map((p) => p.key)).toEqual(['section:why']);
    expect(resolveMerge(m, { 'section:why': 'theirs' }).sections.map((s) => s.id)).toEqual(['intro', 'who']);
    expect(resolveMerge(m, { 'section:why': 'published' }).sections.map((s) => s.id)).toEqual(['intro', 'who', 'why']);
  });

  it('keeps the order of the side that reordered, the published one when both did', () => {
    const theirs = copy(base);
    theirs.sections = [theirs.sections[2], theirs.sections[0], theirs.sections[1]];
    const published = copy(base);
    published.sections[0].heading = 'Introduction';
    let m = merge3(base, theirs, published);
    expect(m.sections.order).toBe('theirs');
    expect(resolveMerge(m, {}).sections.map((s) => s.heading)).toEqual(['Why', 'Introduction', 'Who']);

    const published2 = copy(base);
    published2.sections = [published2.sections[1], published2.sections[0], published2.sections[2]];
    m = merge3(base, theirs, published2);
    expect(m.sections.order).toBe('both');
    expect(resolveMerge(m, {}).sections.map((s) => s.id)).toEqual(['who', 'intro', 'why']);
  });

  it('a name changed on one side is taken', () => {
    const theirs = copy(base);
    theirs.names = { organisation: 'Borough Council', commsHead: 'Hannah' };
    const m = merge3(base, theirs, copy(base));
    expect(m.names.map((n) => n.state)).toEqual(['theirs', 'same']);
    expect(resolveMerge(m, {}).names).toEqual({ organisation: 'Borough Council', commsHead: 'Hannah' });
  });
});
