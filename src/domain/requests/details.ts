import { clip } from './text';
import { REQUEST_LIMITS } from './limits';
import { readShape } from './shape';
import { DETAILS_SHAPES } from './shapes';
import { REQUEST_KINDS, type RequestDetails, type RequestKind } from './types';

// The Details column of SMH Requests: an accepted form as JSON, with a format number so that a later
// version of the hub can still read what this one wrote. Everything typed is kept as typed (quotes,
// line breaks, any script, text that looks like OData or JSON): JSON.stringify escapes what JSON
// needs, and nothing here edits a value.

export const DETAILS_FORMAT = 1;

/** The JSON for the Details column, keys in a fixed order (so the same request always gives the same text). */
export function serialiseDetails(details: RequestDetails): string {
  const read = readShape(details, DETAILS_SHAPES[details.kind], { fillMissing: false, maxString: Number.MAX_SAFE_INTEGER });
  // Details come from a form's validator, so this only fails for a value built by hand wrongly.
  if (!read.ok) throw new Error(`A ${details.kind} request has no valid ${read.path}.`);
  return JSON.stringify({ format: DETAILS_FORMAT, ...(read.value as object) });
}

export type ParsedDetails = { ok: true; details: RequestDetails } | { ok: false; reason: string };

/**
 * What a stored request says, or why it cannot be read (not JSON, a format this version does not
 * know, another kind than its RequestType column says, a missing or malformed field). Never throws:
 * Details are written by a person's browser, and anyone can write their own request by hand.
 * This checks the shape only; the form's rules (dates in the future, and so on) held when it was sent.
 */
export function parseDetails(json: string | null | undefined, expectedKind?: RequestKind): ParsedDetails {
  if (typeof json !== 'string' || json === '') return { ok: false, reason: 'The request has no details.' };
  if (json.length > REQUEST_LIMITS.detailsLength * 2) return { ok: false, reason: 'The details are far longer than any form writes.' };
  let raw: unknown;
  try { raw = JSON.parse(json); } catch { return { ok: false, reason: 'The details are not JSON.' }; }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'The details are not a JSON object.' };
  const o = raw as Record<string, unknown>;
  if (o.format !== DETAILS_FORMAT) return { ok: false, reason: `The details are in a format this version does not know (${String(o.format)}).` };
  const kind = o.kind;
  if (typeof kind !== 'string' || !(REQUEST_KINDS as readonly string[]).includes(kind)) return { ok: false, reason: 'The details do not say which kind of request they are.' };
  if (expectedKind !== undefined && kind !== expectedKind) return { ok: false, reason: `The details are of a ${kind} request, but the item says ${expectedKind}.` };
  const read = readShape(o, DETAILS_SHAPES[kind as RequestKind], { fillMissing: false, maxString: REQUEST_LIMITS.detailsLength });
  if (!read.ok) return { ok: false, reason: `The details have no valid ${read.path}.` };
  return { ok: true, details: read.value as RequestDetails };
}

/** The item's Title (a single line of at most 255 characters): what the request is about. */
export function requestTitle(d: RequestDetails): string {
  const title = (() => {
    switch (d.kind) {
      case 'New account': return `New account: ${d.accountName} (${d.platform})`;
      case 'Paid campaign': return `Paid campaign: ${d.title}`;
      case 'Close account': return `Close account: ${d.accountName}`;
      case 'Idea or question': return `Idea or question: ${d.subject}`;
    }
  })();
  return clip(title, REQUEST_LIMITS.titleLength);
}
