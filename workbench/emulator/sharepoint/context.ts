// What every SharePoint endpoint receives: the site state, the caller and the request, already
// normalised (verb tunnelling applied, query decoded, dialect chosen).
import type { DirectoryUser } from '../directory';
import { spErrors } from './errors';
import type { SiteState } from './model';
import type { ODataMode, Payload } from './odata-format';
import type { Principal } from './permissions';

export interface SpRequest {
  /** The effective verb: X-HTTP-Method (or a batch part's request line) wins over POST. */
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface SpContext {
  site: SiteState;
  origin: string;
  webUrl: string;
  apiUrl: string;
  req: SpRequest;
  query: URLSearchParams;
  mode: ODataMode;
  who: Principal;
  person: DirectoryUser;
  directory: readonly DirectoryUser[];
  listViewThreshold: number;
  /** Persist the site state after a mutation. */
  dirty(): void;
}

export interface SpResult {
  status: number;
  headers?: Record<string, string>;
  payload: Payload;
}

export function ok(payload: Payload, status = 200, headers?: Record<string, string>): SpResult {
  return { status, payload, headers };
}

export const noContent = (headers?: Record<string, string>): SpResult => ({ status: 204, payload: { kind: 'empty' }, headers });
export const emptyOk = (): SpResult => ({ status: 200, payload: { kind: 'empty' } });

/** The request body as a JSON object; verbose bodies keep their __metadata, callers ignore it. */
export function jsonBody(ctx: SpContext): Record<string, unknown> {
  const text = ctx.req.body.toString('utf8').trim();
  if (text === '') return {};
  try {
    const parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw spErrors.invalidRequest('Invalid JSON. The request body is not a JSON object.');
  }
}

/** Verbose clients send collections as { results: [...] }; JSON light sends plain arrays. */
export function unwrapResults(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as { results?: unknown }).results)) {
    return (v as { results: unknown[] }).results;
  }
  return v;
}

export function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
