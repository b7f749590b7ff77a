import type { PolicyContent, PolicyItem, PolicySection } from './model';

// Search that forgives case and accents, and wants every word of the query somewhere in the item
// (title or detail), so "password change" finds the item about sharing changed passwords.

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Text of (already sanitised) policy HTML, for searching and comparing. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d)\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function queryWords(query: string): string[] {
  return foldForSearch(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

function matchesAll(haystack: string, words: string[]): boolean {
  const folded = foldForSearch(haystack);
  return words.every((w) => folded.includes(w));
}

export interface PolicySearchResult {
  query: string;
  sections: PolicySection[];
  dos: PolicyItem[];
  donts: PolicyItem[];
  total: number;
}

export function searchPolicy(content: PolicyContent, query: string, render: (t: string) => string = (t) => t): PolicySearchResult {
  const words = queryWords(query);
  if (words.length === 0) {
    return { query, sections: content.sections, dos: content.dos, donts: content.donts, total: content.dos.length + content.donts.length + content.sections.length };
  }
  const itemMatches = (i: PolicyItem): boolean => matchesAll(render(`${i.title} ${i.detail}`), words);
  const sections = content.sections.filter((s) => matchesAll(render(`${s.heading} ${htmlToText(s.body)}`), words));
  const dos = content.dos.filter(itemMatches);
  const donts = content.donts.filter(itemMatches);
  return { query, sections, dos, donts, total: sections.length + dos.length + donts.length };
}

export interface TextSegment {
  text: string;
  hit: boolean;
}

/**
 * Splits text into plain and highlighted runs for the query's words. Works on the original text
 * (positions found on a folded copy of the same length, since NFD folding of Latin letters keeps one
 * character per letter once combining marks are dropped per character).
 */
export function highlight(text: string, query: string): TextSegment[] {
  const words = queryWords(query);
  if (words.length === 0 || text.length === 0) return [{ text, hit: false }];
  const folded = Array.from(text, (ch) => foldForSearch(ch).charAt(0) || ch).join('');
  const marks = new Array<boolean>(folded.length).fill(false);
  for (const w of words) {
    let at = folded.indexOf(w);
    while (at >= 0) {
      for (let i = at; i < at + w.length; i++) marks[i] = true;
      at = folded.indexOf(w, at + w.length);
    }
  }
  const chars = Array.from(text);
  const out: TextSegment[] = [];
  chars.forEach((ch, i) => {
    const last = out[out.length - 1];
    if (last && last.hit === marks[i]) last.text += ch;
    else out.push({ text: ch, hit: marks[i] });
  });
  return out;
}
