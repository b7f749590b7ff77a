import { readShape } from './shape';
import { INPUT_SHAPES } from './shapes';
import { REQUEST_KINDS, type RequestInput, type RequestKind } from './types';

// A half-filled form kept in the browser (across reloads, a closed tab, a failed submission), in a
// versioned format. What is read back is untrusted: another tab, an older version of the hub or a
// browser extension may have written anything there. Reading refuses anything that is not a draft
// of this format and never throws; a draft keeps text exactly as typed, valid or not.

export const DRAFT_FORMAT = 1;

/** Generous bounds: a draft may be longer than a form allows (it is checked on submission), not unbounded. */
const MAX_DRAFT_JSON = 400_000;
const MAX_DRAFT_STRING = 100_000;

export interface RequestDraft {
  kind: RequestKind;
  /** When the browser saved it (ISO). */
  savedAt: string;
  /** The original request being revised; null for a new request. */
  revisionOf: number | null;
  /** The client-made id the submission will carry, kept so a retry after a failure reuses it. */
  submissionId: string;
  input: RequestInput;
}

export function serialiseDraft(draft: RequestDraft): string {
  return JSON.stringify({ format: DRAFT_FORMAT, kind: draft.kind, savedAt: draft.savedAt, revisionOf: draft.revisionOf, submissionId: draft.submissionId, input: draft.input });
}

/** The draft stored as `json`, or undefined for anything else (nothing, junk, another format, another kind's form). */
export function parseDraft(json: string | null | undefined): RequestDraft | undefined {
  if (typeof json !== 'string' || json.length === 0 || json.length > MAX_DRAFT_JSON) return undefined;
  let raw: unknown;
  try { raw = JSON.parse(json); } catch { return undefined; }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  if (o.format !== DRAFT_FORMAT) return undefined;
  if (typeof o.kind !== 'string' || !(REQUEST_KINDS as readonly string[]).includes(o.kind)) return undefined;
  const kind = o.kind as RequestKind;
  if (typeof o.savedAt !== 'string' || o.savedAt.length > 40 || Number.isNaN(Date.parse(o.savedAt))) return undefined;
  if (!(o.revisionOf === null || (typeof o.revisionOf === 'number' && Number.isSafeInteger(o.revisionOf) && o.revisionOf > 0))) return undefined;
  if (typeof o.submissionId !== 'string' || o.submissionId.length === 0 || o.submissionId.length > 64) return undefined;
  const input = o.input as Record<string, unknown> | undefined;
  if (typeof input !== 'object' || input === null || input.kind !== kind) return undefined;
  const read = readShape(input, INPUT_SHAPES[kind], { fillMissing: true, maxString: MAX_DRAFT_STRING });
  if (!read.ok) return undefined;
  return { kind, savedAt: o.savedAt, revisionOf: o.revisionOf as number | null, submissionId: o.submissionId, input: read.value as RequestInput };
}

/** Where a person's draft of one form lives: per site, person, kind, and request being revised. */
export function draftKey(siteUrl: string, userId: number | string, kind: RequestKind, revisionOf: number | null): string {
  return `smh.requestDraft.${siteUrl}.${userId}.${kind}.${revisionOf ?? 'new'}`;
}
