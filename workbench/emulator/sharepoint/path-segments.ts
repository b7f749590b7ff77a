// Splits a REST path below _api/ into segments such as getByTitle('A/B'), items(7) or
// addroleassignment(principalid=5,roledefid=1073741826), resolving @alias parameters from the query.
import { spErrors } from './errors';

export type ArgValue = string | number | boolean;

export interface Segment {
  name: string;
  /** Lower-cased name: SharePoint matches path segments case-insensitively. */
  key: string;
  hasArgs: boolean;
  positional: ArgValue[];
  named: Record<string, ArgValue>;
}

function splitOutside(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (ch === sep && !quoted && depth === 0) {
      parts.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  return parts;
}

function parseLiteral(raw: string, query: URLSearchParams, allowAlias = true): ArgValue {
  const s = raw.trim();
  if (allowAlias && s.startsWith('@')) {
    const aliased = query.get(s);
    if (aliased === null) throw spErrors.invalidRequest(`The parameter alias '${s}' has no value in the query string.`);
    return parseLiteral(aliased, query, false);
  }
  const quoted = /^(?:guid|datetime)?'((?:[^']|'')*)'$/i.exec(s);
  if (quoted) return quoted[1].replace(/''/g, "'");
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

export function parseSegments(path: string, query: URLSearchParams): Segment[] {
  const out: Segment[] = [];
  for (const rawSeg of splitOutside(path, '/')) {
    if (rawSeg === '') continue;
    const m = /^([^(]+)(?:\((.*)\))?$/s.exec(rawSeg);
    if (!m) throw spErrors.invalidRequest(`Cannot parse the path segment '${rawSeg}'.`);
    const seg: Segment = { name: m[1], key: m[1].toLowerCase(), hasArgs: m[2] !== undefined, positional: [], named: {} };
    if (m[2] !== undefined && m[2].trim() !== '') {
      for (const arg of splitOutside(m[2], ',')) {
        const named = /^\s*([A-Za-z_]\w*)\s*=(.*)$/s.exec(arg);
        if (named) seg.named[named[1].toLowerCase()] = parseLiteral(named[2], query);
        else seg.positional.push(parseLiteral(arg, query));
      }
    }
    out.push(seg);
  }
  return out;
}
