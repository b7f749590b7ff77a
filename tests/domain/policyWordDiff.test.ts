import fc from 'fast-check';
import { diffRichText, diffText, hasWordChanges, tokenizeHtml, type RichNode } from '../../src/domain/policy';

// Back to HTML with marks, to read the expectations at a glance.
const html = (nodes: RichNode[]): string => nodes.map((n) => {
  if (n.kind === 'break') return '<br>';
  if (n.kind === 'text') return n.mark === 'same' ? n.text : `<${n.mark}>${n.text}</${n.mark}>`;
  return `<${n.tag}${n.href ? ` href="${n.href}"` : ''}>${html(n.children)}</${n.tag}>`;
}).join('');

const textOf = (nodes: RichNode[], keep: 'before' | 'after'): string => nodes.map((n) => {
  if (n.kind === 'break') return '';
  if (n.kind === 'text') return n.mark === (keep === 'before' ? 'ins' : 'del') ? '' : n.text;
  return textOf(n.children, keep);
}).join('');

describe('word diff of plain text', () => {
  it('marks the words inserted and deleted, keeping the rest', () => {
    expect(diffText('Time costs.', 'Staff time costs money.')).toEqual([
      { text: 'Time ', mark: 'del' }, { text: 'Staff time ', mark: 'ins' }, { text: 'costs', mark: 'same' }, { text: ' money', mark: 'ins' }, { text: '.', mark: 'same' }
    ]);
    expect(diffText('Answer the same day.', 'Answer on the same day.')).toEqual([
      { text: 'Answer ', mark: 'same' }, { text: 'on ', mark: 'ins' }, { text: 'the same day.', mark: 'same' }
    ]);
  });

  it('always gives back both texts exactly', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
      const runs = diffText(a, b);
      expect(runs.filter((r) => r.mark !== 'ins').map((r) => r.text).join('')).toBe(a);
      expect(runs.filter((r) => r.mark !== 'del').map((r) => r.text).join('')).toBe(b);
      expect(hasWordChanges(runs)).toBe(a !== b);
    }));
  });
});

describe('word diff of rich text', () => {
  it('keeps paragraphs, lists, bold and links, with the changed words marked inside them', () => {
    const before = '<p>Check your accounts <b>daily</b>.</p><ul><li>Reply the same day.</li></ul>';
    const after = '<p>Check your accounts <b>every working day</b>.</p><ul><li>Reply the same day.</li><li>See <a href="https://x.example/">the guide</a>.</li></ul>';
    expect(html(diffRichText(before, after))).toBe(
      '<p>Check your accounts <b><del>daily</del><ins>every working day</ins></b>.</p>' +
      '<ul><li>Reply the same day.</li><li><ins>See </ins><a href="https://x.example/"><ins>the guide</ins></a><ins>.</ins></li></ul>'
    );
  });

  it('shows a whole new section as inserted, formatting and all', () => {
    expect(html(diffRichText('', '<p>New <em>text</em></p>'))).toBe('<p><ins>New </ins><em><ins>text</ins></em></p>');
  });

  it('reads entities as the characters they stand for', () => {
    expect(tokenizeHtml('<p>Fish &amp; chips</p>').filter((t) => t.kind === 'text').map((t) => (t as { text: string }).text).join('')).toBe('Fish & chips');
  });

  it('keeps every word of both versions and the newer structure, whatever the edit', () => {
    const tag = fc.constantFrom('p', 'b', 'em', 'li');
    const word = fc.constantFrom('a', 'b', 'c', 'day', 'week');
    const para = fc.tuple(tag, fc.array(word, { maxLength: 5 })).map(([t, ws]) => `<${t}>${ws.join(' ')}</${t}>`);
    const doc = fc.array(para, { maxLength: 4 }).map((ps) => ps.join(''));
    fc.assert(fc.property(doc, doc, (a, b) => {
      const nodes = diffRichText(a, b);
      const plain = (h: string) => h.replace(/<[^>]+>/g, '');
      expect(textOf(nodes, 'before')).toBe(plain(a));
      expect(textOf(nodes, 'after')).toBe(plain(b));
      // Without the deleted words, it is the newer version exactly.
      const strip = (ns: RichNode[]): RichNode[] => ns.flatMap((n): RichNode[] => (n.kind === 'text' && n.mark === 'del' ? [] : n.kind === 'element' ? [{ ...n, children: strip(n.children) }] : [n]));
      expect(html(strip(nodes)).replace(/<\/?ins>/g, '')).toBe(b);
    }));
  });
});
