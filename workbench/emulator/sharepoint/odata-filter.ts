// The $filter subset SharePoint's REST endpoint accepts for list items (and PnPjs' fluent filter
// emits): comparisons, and/or/not, parentheses, startswith, substringof, lookup paths (Author/Id).
import { spErrors } from './errors';

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type LiteralKind = 'string' | 'number' | 'bool' | 'null' | 'datetime' | 'guid';
export type Operand = { t: 'lit'; v: string | number | boolean | null; kind: LiteralKind } | { t: 'path'; segs: string[] };
export type FilterNode =
  | { t: 'and' | 'or'; l: FilterNode; r: FilterNode }
  | { t: 'not'; e: FilterNode }
  | { t: 'cmp'; op: ComparisonOp; l: Operand; r: Operand }
  | { t: 'fn'; name: 'startswith' | 'substringof' | 'endswith'; args: Operand[] };

type Token =
  | { k: 'punct'; v: '(' | ')' | ',' }
  | { k: 'lit'; v: string | number | boolean | null; kind: LiteralKind }
  | { k: 'word'; v: string };

const OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const readQuoted = (start: number): [string, number] => {
    let j = start + 1;
    let s = '';
    for (;;) {
      if (j >= src.length) throw spErrors.invalidQuery(`Unterminated string literal in $filter at position ${start}.`);
      if (src[j] === "'") {
        if (src[j + 1] === "'") { s += "'"; j += 2; continue; }
        return [s, j + 1];
      }
      s += src[j++];
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { out.push({ k: 'punct', v: c }); i++; continue; }
    if (c === "'") {
      const [s, j] = readQuoted(i);
      out.push({ k: 'lit', v: s, kind: 'string' });
      i = j;
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[LMDdmf]?/.exec(src.slice(i));
    if (num && (c === '-' || /\d/.test(c))) {
      out.push({ k: 'lit', v: parseFloat(num[0]), kind: 'number' });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][\w.]*(\/[A-Za-z_][\w.]*)*/.exec(src.slice(i));
    if (word) {
      const w = word[0];
      i += w.length;
      const lower = w.toLowerCase();
      if ((lower === 'datetime' || lower === 'guid') && src[i] === "'") {
        const [s, j] = readQuoted(i);
        out.push({ k: 'lit', v: s, kind: lower === 'datetime' ? 'datetime' : 'guid' });
        i = j;
        continue;
      }
      if (lower === 'true' || lower === 'false') { out.push({ k: 'lit', v: lower === 'true', kind: 'bool' }); continue; }
      if (lower === 'null') { out.push({ k: 'lit', v: null, kind: 'null' }); continue; }
      out.push({ k: 'word', v: w });
      continue;
    }
    throw spErrors.invalidQuery(`Syntax error at position ${i} in '${src}'.`);
  }
  return out;
}

export function parseFilter(src: string): FilterNode {
  const toks = tokenize(src);
  let pos = 0;
  const peek = () => toks[pos];
  const isWord = (t: Token | undefined, w: string) => t?.k === 'word' && t.v.toLowerCase() === w;
  const expectPunct = (v: string) => {
    const t = toks[pos++];
    if (t?.k !== 'punct' || t.v !== v) throw spErrors.invalidQuery(`Syntax error: expected '${v}' in '${src}'.`);
  };

  const operand = (): Operand => {
    const t = toks[pos++];
    if (!t) throw spErrors.invalidQuery(`Syntax error: unexpected end of '${src}'.`);
    if (t.k === 'lit') return { t: 'lit', v: t.v, kind: t.kind };
    if (t.k === 'word') return { t: 'path', segs: t.v.split('/') };
    throw spErrors.invalidQuery(`Syntax error near '${t.v}' in '${src}'.`);
  };

  const primary = (): FilterNode => {
    const t = peek();
    if (t?.k === 'punct' && t.v === '(') {
      pos++;
      const e = orExpr();
      expectPunct(')');
      return e;
    }
    if (t?.k === 'word' && toks[pos + 1]?.k === 'punct' && (toks[pos + 1] as { v: string }).v === '(') {
      const name = t.v.toLowerCase();
      if (name !== 'startswith' && name !== 'substringof' && name !== 'endswith') {
        throw spErrors.invalidQuery(`The function '${t.v}' is not supported by the emulator's $filter.`);
      }
      pos += 2;
      const args = [operand()];
      while (peek()?.k === 'punct' && (peek() as { v: string }).v === ',') { pos++; args.push(operand()); }
      expectPunct(')');
      if (args.length !== 2) throw spErrors.invalidQuery(`${name} takes two arguments.`);
      const fn: FilterNode = { t: 'fn', name, args };
      // startswith(F,'x') eq true is how some clients spell it.
      if (isWord(peek(), 'eq') && toks[pos + 1]?.k === 'lit' && (toks[pos + 1] as { kind: string }).kind === 'bool') {
        const v = (toks[pos + 1] as { v: unknown }).v;
        pos += 2;
        return v ? fn : { t: 'not', e: fn };
      }
      return fn;
    }
    const l = operand();
    const opTok = toks[pos++];
    if (opTok?.k !== 'word' || !OPS.has(opTok.v.toLowerCase())) {
      throw spErrors.invalidQuery(`Syntax error: expected a comparison operator in '${src}'.`);
    }
    const r = operand();
    return { t: 'cmp', op: opTok.v.toLowerCase() as ComparisonOp, l, r };
  };

  const notExpr = (): FilterNode => {
    if (isWord(peek(), 'not')) { pos++; return { t: 'not', e: notExpr() }; }
    return primary();
  };
  const andExpr = (): FilterNode => {
    let l = notExpr();
    while (isWord(peek(), 'and')) { pos++; l = { t: 'and', l, r: notExpr() }; }
    return l;
  };
  function orExpr(): FilterNode {
    let l = andExpr();
    while (isWord(peek(), 'or')) { pos++; l = { t: 'or', l, r: andExpr() }; }
    return l;
  }
  const tree = orExpr();
  if (pos !== toks.length) throw spErrors.invalidQuery(`Syntax error: unexpected token at the end of '${src}'.`);
  return tree;
}

export type ColumnKind = 'text' | 'number' | 'date' | 'bool' | 'other';
export interface ColumnRef<R> {
  kind: ColumnKind;
  get(row: R): unknown;
}
export type ColumnResolver<R> = (segs: string[]) => ColumnRef<R>;

type Norm = string | number | boolean | null;

function normalise(v: unknown, kind: ColumnKind): Norm {
  if (v === undefined || v === null || v === '') return null;
  switch (kind) {
    case 'date': {
      const ms = typeof v === 'number' ? v : Date.parse(String(v));
      return Number.isNaN(ms) ? null : ms;
    }
    case 'number': {
      const n = typeof v === 'number' ? v : Number(v);
      return Number.isNaN(n) ? null : n;
    }
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 1 || v === '1' || v === 'true') return true;
      if (v === 0 || v === '0' || v === 'false') return false;
      return null;
    case 'text':
      return String(v).toLowerCase();
    default:
      return typeof v === 'object' ? JSON.stringify(v) : (v as Norm);
  }
}

function literalKind(kind: LiteralKind): ColumnKind {
  switch (kind) {
    case 'number': return 'number';
    case 'bool': return 'bool';
    case 'datetime': return 'date';
    default: return 'text';
  }
}

type Getter<R> = (row: R) => Norm;

function compileCompare<R>(op: ComparisonOp, l: Operand, r: Operand, resolve: ColumnResolver<R>): (row: R) => boolean {
  // Literals take the type of the column they are compared with (SharePoint compares as the field type).
  const cols = [l, r].map((o) => (o.t === 'path' ? resolve(o.segs) : undefined));
  const kind: ColumnKind = cols[0]?.kind ?? cols[1]?.kind ?? (l.t === 'lit' ? literalKind(l.kind) : 'text');
  const getter = (o: Operand, col: ColumnRef<R> | undefined): Getter<R> => {
    if (col) return (row) => normalise(col.get(row), kind);
    const v = normalise((o as { v: unknown }).v, kind);
    return () => v;
  };
  const a = getter(l, cols[0]);
  const b = getter(r, cols[1]);
  switch (op) {
    case 'eq': return (row) => a(row) === b(row);
    case 'ne': return (row) => a(row) !== b(row);
    case 'gt': return (row) => { const x = a(row), y = b(row); return x !== null && y !== null && x > y; };
    case 'ge': return (row) => { const x = a(row), y = b(row); return x !== null && y !== null && x >= y; };
    case 'lt': return (row) => { const x = a(row), y = b(row); return x !== null && y !== null && x < y; };
    case 'le': return (row) => { const x = a(row), y = b(row); return x !== null && y !== null && x <= y; };
  }
}

export function compileFilter<R>(node: FilterNode, resolve: ColumnResolver<R>): (row: R) => boolean {
  switch (node.t) {
    case 'and': { const l = compileFilter(node.l, resolve), r = compileFilter(node.r, resolve); return (row) => l(row) && r(row); }
    case 'or': { const l = compileFilter(node.l, resolve), r = compileFilter(node.r, resolve); return (row) => l(row) || r(row); }
    case 'not': { const e = compileFilter(node.e, resolve); return (row) => !e(row); }
    case 'cmp': return compileCompare(node.op, node.l, node.r, resolve);
    case 'fn': {
      // substringof takes (needle, haystack); the others (haystack, needle). Text matching is case-insensitive like CAML.
      const [hay, needle] = node.name === 'substringof' ? [node.args[1], node.args[0]] : [node.args[0], node.args[1]];
      const text = (o: Operand): Getter<R> => {
        if (o.t === 'path') { const c = resolve(o.segs); return (row) => normalise(c.get(row), 'text'); }
        const v = normalise(o.v, 'text');
        return () => v;
      };
      const h = text(hay), n = text(needle);
      const test = node.name === 'startswith' ? (x: string, y: string) => x.startsWith(y)
        : node.name === 'endswith' ? (x: string, y: string) => x.endsWith(y)
          : (x: string, y: string) => x.includes(y);
      return (row) => { const x = h(row), y = n(row); return typeof x === 'string' && typeof y === 'string' && test(x, y); };
    }
  }
}
