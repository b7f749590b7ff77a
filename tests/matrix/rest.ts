// Raw SharePoint REST the way a hostile insider would send it: plain calls, X-HTTP-Method tunnelling,
// and OData $batch parts (with writes inside a changeset), each as a given person with their own
// form digest. No PnPjs here, so nothing smooths over what the server answers.
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../../workbench/emulator';

export interface RestAnswer {
  status: number;
  /** Parsed JSON body, or undefined when empty or not JSON. */
  json?: unknown;
  text: string;
}

export interface RestCall {
  method: string;
  /** Path below the site's `_api/`, e.g. `web/lists/getbytitle('X')/items`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const ACCEPT = 'application/json;odata=nometadata';

function parse(text: string): unknown {
  if (!text) return undefined;
  try { return JSON.parse(text); } catch { return undefined; }
}

export class RawRest {
  constructor(private readonly emu: Emulator) {}

  private baseHeaders(upn: string): Record<string, string> {
    return { 'x-emulator-user': upn, Accept: ACCEPT, 'X-RequestDigest': this.emu.sharepoint.issueDigest(upn) };
  }

  url(path: string): string {
    return `${this.emu.siteUrl}/_api/${path}`;
  }

  /** One plain HTTP request (POST + X-HTTP-Method when the call's headers say so). */
  async send(upn: string, call: RestCall): Promise<RestAnswer> {
    const headers: Record<string, string> = { ...this.baseHeaders(upn), ...(call.headers ?? {}) };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.url(call.path), {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body)
    });
    const text = await res.text();
    return { status: res.status, json: parse(text), text };
  }

  /**
   * The calls as parts of one $batch: reads as top-level parts, writes inside one changeset (as PnPjs
   * sends them). Answers one RestAnswer per part; a refused batch as a whole answers its own status
   * for every part.
   */
  async batch(upn: string, calls: RestCall[]): Promise<RestAnswer[]> {
    const batchId = `batch_${randomUUID()}`;
    const changeId = `changeset_${randomUUID()}`;
    const partOf = (c: RestCall): string => {
      const lines = [
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `${c.method} ${encodeURI(this.url(c.path))} HTTP/1.1`,
        `Accept: ${ACCEPT}`
      ];
      for (const [k, v] of Object.entries(c.headers ?? {})) lines.push(`${k}: ${v}`);
      if (c.body !== undefined) lines.push('Content-Type: application/json');
      lines.push('', c.body === undefined ? '' : JSON.stringify(c.body));
      return lines.join('\r\n');
    };
    const reads = calls.filter((c) => c.method === 'GET');
    const writes = calls.filter((c) => c.method !== 'GET');
    if (reads.length && writes.length) throw new Error('RawRest.batch: mix reads and writes in separate batches (answers keep part order)');
    let body = '';
    if (writes.length) {
      body += `--${batchId}\r\nContent-Type: multipart/mixed; boundary="${changeId}"\r\n\r\n`;
      for (const w of writes) body += `--${changeId}\r\n${partOf(w)}\r\n`;
      body += `--${changeId}--\r\n`;
    }
    for (const r of reads) body += `--${batchId}\r\n${partOf(r)}\r\n`;
    body += `--${batchId}--\r\n`;
    const res = await fetch(this.url('$batch'), {
      method: 'POST',
      headers: { ...this.baseHeaders(upn), 'Content-Type': `multipart/mixed; boundary="${batchId}"` },
      body
    });
    const text = await res.text();
    if (res.status !== 200) return calls.map(() => ({ status: res.status, json: parse(text), text }));
    return parseBatchAnswer(text);
  }
}

/** Splits a multipart $batch answer into its parts' status and body, in order. */
export function parseBatchAnswer(text: string): RestAnswer[] {
  const out: RestAnswer[] = [];
  const chunks = text.split(/\r?\n?--batchresponse_[^\r\n]*/);
  for (const chunk of chunks) {
    const m = /HTTP\/1\.1 (\d{3})[^\r\n]*\r?\n([\s\S]*)$/.exec(chunk);
    if (!m) continue;
    const afterHeaders = m[2].split(/\r?\n\r?\n/);
    const partBody = afterHeaders.slice(1).join('\n').trim();
    out.push({ status: Number(m[1]), json: parse(partBody), text: partBody });
  }
  return out;
}
