// OData $batch as PnPjs v4 sends it (multipart/mixed, changesets, absolute part URLs, MERGE/DELETE
// as request-line verbs) and the flat sequence of --batchresponse_ parts its parser expects: one per
// request, in order, each with its own status line.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { spErrors } from './errors';

export interface BatchPart {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
}

export interface PartResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

function splitParts(lines: string[], boundary: string): string[][] {
  const parts: string[][] = [];
  let cur: string[] | undefined;
  for (const line of lines) {
    const t = line.trimEnd();
    if (t === `--${boundary}--`) { if (cur) parts.push(cur); cur = undefined; break; }
    if (t === `--${boundary}`) { if (cur) parts.push(cur); cur = []; continue; }
    cur?.push(line);
  }
  if (cur) parts.push(cur);
  return parts;
}

function readHeaders(lines: string[], from: number): [Record<string, string>, number] {
  const headers: Record<string, string> = {};
  let i = from;
  for (; i < lines.length && lines[i].trim() !== ''; i++) {
    const c = lines[i].indexOf(':');
    if (c > 0) headers[lines[i].slice(0, c).trim().toLowerCase()] = lines[i].slice(c + 1).trim();
  }
  return [headers, i + 1];
}

function parseHttpPart(lines: string[], base: URL): BatchPart {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d\.\d)?\s*$/.exec(lines[i] ?? '');
  if (!m) throw spErrors.invalidRequest(`Invalid request line in $batch part: '${lines[i] ?? ''}'.`);
  const [headers, bodyStart] = readHeaders(lines, i + 1);
  const body = lines.slice(bodyStart).join('\n').replace(/[\r\n]+$/, '');
  return { method: m[1], url: new URL(m[2], base), headers, body: Buffer.from(body, 'utf8') };
}

/** Flattens the batch (changesets included) into its requests, in order. */
export function parseBatch(contentType: string | undefined, body: string, base: URL): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw spErrors.invalidRequest('The $batch request needs Content-Type: multipart/mixed; boundary=...');
  const out: BatchPart[] = [];
  const walk = (lines: string[], b: string) => {
    for (const part of splitParts(lines, b)) {
      const [headers, start] = readHeaders(part, 0);
      const ct = headers['content-type'] ?? '';
      if (/^multipart\/mixed/i.test(ct)) {
        const inner = boundaryOf(ct);
        if (!inner) throw spErrors.invalidRequest('A changeset needs a boundary.');
        walk(part.slice(start), inner);
      } else {
        out.push(parseHttpPart(part.slice(start), base));
      }
    }
  };
  walk(body.split('\n'), boundary);
  return out;
}

export function renderBatchResponse(parts: PartResponse[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n`;
    body += `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status] ?? 'Unknown'}\r\n`;
    for (const [k, v] of Object.entries(p.headers)) body += `${k}: ${v}\r\n`;
    // PnPjs joins body lines without separators, so keep each body on one line.
    body += `\r\n${p.body.replace(/\r?\n/g, '')}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { contentType: `multipart/mixed; boundary=${boundary}`, body };
}
