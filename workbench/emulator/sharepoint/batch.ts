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

/** SharePoint refuses a $batch of more than 100 requests (ARCHITECTURE.md "SharePoint and Graph facts"). */
export const MAX_BATCH_REQUESTS = 100;

/**
 * The body parts between `--boundary` lines. A multipart body must end with its closing
 * `--boundary--` (RFC 2046 §5.1.1); one that does not is malformed, and the whole request is
 * refused before any part runs, as an OData service must read the whole batch before executing it
 * (OData v3 §2.2.7.6, "Batch Requests").
 */
function splitParts(lines: string[], boundary: string, what: string): string[][] {
  const parts: string[][] = [];
  let cur: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    const t = line.trimEnd();
    if (t === `--${boundary}--`) { if (cur) parts.push(cur); cur = undefined; closed = true; break; }
    if (t === `--${boundary}`) { if (cur) parts.push(cur); cur = []; continue; }
    cur?.push(line);
  }
  if (!closed) throw spErrors.invalidRequest(`The ${what} is not terminated: its closing delimiter '--${boundary}--' is missing.`);
  if (parts.length === 0) throw spErrors.invalidRequest(`The ${what} holds no parts delimited by '--${boundary}'.`);
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
  const walk = (lines: string[], b: string, what: string) => {
    for (const part of splitParts(lines, b, what)) {
      const [headers, start] = readHeaders(part, 0);
      const ct = headers['content-type'] ?? '';
      if (/^multipart\/mixed/i.test(ct)) {
        const inner = boundaryOf(ct);
        if (!inner) throw spErrors.invalidRequest('A changeset needs a boundary.');
        walk(part.slice(start), inner, 'changeset');
      } else {
        out.push(parseHttpPart(part.slice(start), base));
      }
    }
  };
  walk(body.split('\n'), boundary, '$batch');
  if (out.length > MAX_BATCH_REQUESTS) {
    throw spErrors.invalidRequest(`The $batch holds ${out.length} requests; at most ${MAX_BATCH_REQUESTS} are allowed in one batch.`);
  }
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
