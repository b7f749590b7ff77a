// Word-level comparison of two versions' text, for the compare view: which words were inserted and
// which deleted. Rich text is compared as its sanitised HTML structure (tags as tokens beside the
// words), so the result keeps the newer version's paragraphs, lists, bold and links, with the
// words that changed marked inside them.

export type DiffMark = 'same' | 'ins' | 'del';

export interface TextRun {
  text: string;
  mark: DiffMark;
}

/** A piece of compared rich text: an element of the newer version's structure, or a run of text. */
export type RichNode =
  | { kind: 'element'; tag: string; href?: string; children: RichNode[] }
  | { kind: 'break' }
  | { kind: 'text'; text: string; mark: DiffMark };

type Token =
  | { kind: 'open'; tag: string; href?: string; key: string }
  | { kind: 'close'; tag: string; key: string }
  | { kind: 'break'; key: string }
  | { kind: 'text'; text: string; key: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', '#39': "'", apos: "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|nbsp|#39|apos);/g, (_, e: string) => ENTITIES[e]);

/**
 * Words, spaces and punctuation marks as separate tokens, so a change marks whole words, and a
 * full stop that moved outside new italics is not a changed word.
 */
function words(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s]/gu) ?? [];
}

/**
 * Tokens of sanitised HTML (the sanitiser's output is well formed and uses only simple tags with
 * double-quoted attributes). Only the tag name and a link's address matter for comparing.
 */
export function tokenizeHtml(html: string): Token[] {
  const out: Token[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    if (m[4] !== undefined) {
      for (const w of words(decode(m[4]))) out.push({ kind: 'text', text: w, key: `t:${w}` });
      continue;
    }
    const tag = m[2].toLowerCase();
    if (tag === 'br') out.push({ kind: 'break', key: 'br' });
    else if (m[1]) out.push({ kind: 'close', tag, key: `/${tag}` });
    else {
      const href = /\bhref="([^"]*)"/i.exec(m[3])?.[1];
      out.push({ kind: 'open', tag, href: href === undefined ? undefined : decode(href), key: `<${tag} ${href ?? ''}` });
    }
  }
  return out;
}

/** Longest common subsequence over keys, as a list of operations, matching as early as it can. */
function diffKeys<T extends { key: string }>(a: T[], b: T[]): { item: T; op: DiffMark }[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start].key === b[start].key) start++;
  // Only the common start is trimmed: trimming the end too would pair a closing full stop with the
  // last one of the newer text rather than its own, marking the wrong one as inserted.
  const endA = a.length;
  const endB = b.length;
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  // lengths[i][j]: LCS of midA[i..] and midB[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] = midA[i].key === midB[j].key ? lengths[at(i + 1, j + 1)] + 1 : Math.max(lengths[at(i + 1, j)], lengths[at(i, j + 1)]);
    }
  }
  const ops: { item: T; op: DiffMark }[] = a.slice(0, start).map((item) => ({ item, op: 'same' as const }));
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (midA[i].key === midB[j].key) { ops.push({ item: midB[j], op: 'same' }); i++; j++; }
    else if (lengths[at(i + 1, j)] >= lengths[at(i, j + 1)]) ops.push({ item: midA[i++], op: 'del' });
    else ops.push({ item: midB[j++], op: 'ins' });
  }
  while (i < n) ops.push({ item: midA[i++], op: 'del' });
  while (j < m) ops.push({ item: midB[j++], op: 'ins' });
  for (const item of b.slice(endB)) ops.push({ item, op: 'same' });
  return ops;
}

/**
 * Reads better: "Time costs." → "Staff time costs money." shows as one deleted and one inserted
 * phrase instead of alternating single words. A space left unchanged between two changes joins
 * them (it goes into both the deleted and the inserted phrase); tags always end a phrase.
 */
function joinPhrases<T extends { key: string }>(ops: { item: T; op: DiffMark }[], isText: (t: T) => boolean): { item: T; op: DiffMark }[] {
  const out: { item: T; op: DiffMark }[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].op === 'same' || !isText(ops[i].item)) { out.push(ops[i++]); continue; }
    const dels: T[] = [];
    const inss: T[] = [];
    let j = i;
    for (;;) {
      while (j < ops.length && ops[j].op !== 'same' && isText(ops[j].item)) (ops[j].op === 'del' ? dels : inss).push(ops[j++].item);
      // A run of unchanged spaces followed by another change continues the phrase.
      let k = j;
      while (k < ops.length && ops[k].op === 'same' && isText(ops[k].item) && /^\s+$/.test(ops[k].item.key.replace(/^t:/, ''))) k++;
      if (k > j && k < ops.length && ops[k].op !== 'same' && isText(ops[k].item)) {
        for (; j < k; j++) { dels.push(ops[j].item); inss.push(ops[j].item); }
        continue;
      }
      break;
    }
    for (const item of dels) out.push({ item, op: 'del' });
    for (const item of inss) out.push({ item, op: 'ins' });
    i = j;
  }
  return out;
}

/** Plain text compared word by word: runs of unchanged, inserted and deleted text. */
export function diffText(before: string, after: string): TextRun[] {
  const toTokens = (s: string) => words(s).map((w) => ({ key: w, text: w }));
  const runs: TextRun[] = [];
  for (const { item, op } of joinPhrases(diffKeys(toTokens(before), toTokens(after)), () => true)) {
    const last = runs[runs.length - 1];
    if (last && last.mark === op) last.text += item.text;
    else runs.push({ text: item.text, mark: op });
  }
  return runs;
}

/**
 * Rich text compared word by word. The result has the newer version's structure (its paragraphs,
 * lists and formatting); deleted words sit where they were, marked, and tags only the older
 * version had are left out, so the tree is always well formed.
 */
export function diffRichText(beforeHtml: string, afterHtml: string): RichNode[] {
  const root: RichNode[] = [];
  const stack: { tag: string; children: RichNode[] }[] = [{ tag: '', children: root }];
  const top = () => stack[stack.length - 1];
  for (const { item, op } of joinPhrases(diffKeys(tokenizeHtml(beforeHtml), tokenizeHtml(afterHtml)), (t) => t.kind === 'text')) {
    if (item.kind === 'text') {
      const children = top().children;
      const last = children[children.length - 1];
      if (last && last.kind === 'text' && last.mark === op) last.text += item.text;
      else children.push({ kind: 'text', text: item.text, mark: op });
      continue;
    }
    if (op === 'del') continue;
    if (item.kind === 'break') top().children.push({ kind: 'break' });
    else if (item.kind === 'open') {
      const el: RichNode = { kind: 'element', tag: item.tag, href: item.href, children: [] };
      top().children.push(el);
      stack.push({ tag: item.tag, children: el.children });
    } else if (stack.length > 1 && top().tag === item.tag) stack.pop();
  }
  return root;
}

/** Whether a compared text has any inserted or deleted words. */
export function hasWordChanges(nodes: readonly (RichNode | TextRun)[]): boolean {
  return nodes.some((n) => ('mark' in n && n.mark !== 'same') || ('children' in n && hasWordChanges(n.children)));
}
