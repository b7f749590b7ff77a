import fc from 'fast-check';
import { emptyRequest, inputFromDetails, parseDetails, parseDraft, serialiseDetails, serialiseDraft, validateRequest, type RequestDraft, type RequestInput, type RequestKind } from '../../../src/domain/requests';
import { CTX, closeAccount, idea, newAccount, paidCampaign } from './fixtures';

// Whatever is typed into any form: it is accepted and stored exactly (what the stored Details say
// back is, character for character, what was typed), or refused with a message under a field of
// that form. Nothing throws.

const HOSTILE = [
  "'", "''", '"', '\\', "' or 1 eq 1 or Title eq '", "Title eq 'x') or (Id gt 0", '$filter=Id gt 0&$top=5000', '%27%20or%201%20eq%201', '\u0000', '\u001f',
  '\ud800', '\udfff', '\r\n', '\n', '\t', '\u2028', '\ufffe', '<script>alert(1)</script>', '{"format":2,"kind":"Idea or question"}', '__proto__', 'constructor',
  '😀', '👩🏽‍💻', 'e\u0301', 'ﬃ', 'İ', 'ß', '   ', '', '#LibraryWeek', 'https://example.org/a?b=c#d', 'olivia.reed@northshire.example', '2026-03-31', '7.5', '£1,250.50', '12'
];
const hostile = fc.constantFrom(...HOSTILE);
const text = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 3 },
  { arbitrary: hostile, weight: 4 },
  { arbitrary: fc.array(fc.oneof(hostile, fc.string({ maxLength: 8 })), { maxLength: 6 }).map((a) => a.join('')), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 995, maxLength: 1005 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 3995, maxLength: 4005 }), weight: 1 }
);

/** The typed text fields of each form: stored under the same name as typed. */
const TEXT_PATHS: Record<RequestKind, string[]> = {
  'New account': ['accountName', 'platform', 'handle', 'owningService', 'whyExistingCannotServe', 'audience', 'whereAudienceTalks', 'objectives', 'contentPlan', 'owner.name', 'owner.email', 'backup.name', 'backup.email', 'rota', 'exitPlan', 'hashtag.tag', 'hashtag.checkedOn', 'hashtag.evidenceUrl'],
  'Paid campaign': ['title', 'purpose', 'description', 'platform', 'startDate', 'endDate', 'howReturnIsShown', 'hashtag.tag', 'hashtag.checkedOn', 'hashtag.evidenceUrl'],
  'Close account': ['accountName', 'reason', 'followersPlan'],
  'Idea or question': ['subject', 'message']
};
/** Typed fields whose stored form is a number (compared through the form filled back in). */
const OTHER_PATHS: Record<RequestKind, string[]> = {
  'New account': ['hoursPerWeek', 'staffedHours.slots.0.day', 'staffedHours.slots.0.from', 'staffedHours.slots.0.to'],
  'Paid campaign': ['accountId', 'budget', 'expectedReturn'],
  'Close account': ['accountId'],
  'Idea or question': []
};

const get = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
function set(o: unknown, path: string, value: string): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as Record<string, unknown> | undefined;
  if (parent) parent[last] = value;
}

const STARTS: Record<RequestKind, () => RequestInput> = { 'New account': newAccount, 'Paid campaign': paidCampaign, 'Close account': closeAccount, 'Idea or question': idea };
const kind = fc.constantFrom<RequestKind>('New account', 'Paid campaign', 'Close account', 'Idea or question');

/** A form of `kind`: a good one or an empty one, with some fields replaced by anything at all. */
const form = kind.chain((k) => fc.record({
  start: fc.boolean(),
  allHours: fc.boolean(),
  changes: fc.array(fc.tuple(fc.constantFrom(...TEXT_PATHS[k], ...OTHER_PATHS[k], ...TEXT_PATHS[k]), text), { maxLength: 4 })
}).map(({ start, allHours, changes }) => {
  const input = start ? STARTS[k]() : emptyRequest(k);
  if (input.kind === 'New account') input.staffedHours.allHours = allHours && !start;
  for (const [path, value] of changes) set(input, path, value);
  return input;
}));

const KNOWN_FIELD = (k: RequestKind, path: string): boolean => path === '' || [...TEXT_PATHS[k], ...OTHER_PATHS[k], 'staffedHours.slots'].some((p) => path === p || path.startsWith(`${p.split('.')[0]}.`) || p.startsWith(`${path}.`));

it('any form is stored exactly or refused with a message under one of its fields', () => {
  let accepted = 0;
  fc.assert(fc.property(form, (input) => {
    const typed = JSON.parse(JSON.stringify(input)) as RequestInput;
    const r = validateRequest(input, CTX);
    if (!r.ok) {
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) {
        expect(typeof p.message === 'string' && p.message.length > 10).toBe(true);
        expect([p.path, KNOWN_FIELD(input.kind, p.path)]).toEqual([p.path, true]);
      }
      return;
    }
    accepted++;
    const back = parseDetails(r.json, input.kind);
    if (!back.ok) throw new Error(back.reason);
    expect(back.details).toEqual(r.details);
    for (const path of TEXT_PATHS[input.kind]) {
      const stored = get(back.details, path);
      // A hashtag left empty is stored as none; everything else is the typed text itself.
      if (stored === undefined && path.startsWith('hashtag.')) expect(get(typed, path)).toBe('');
      else expect([path, stored]).toEqual([path, get(typed, path)]);
    }
    // Filled back in for a revision and sent unchanged, it is the same request.
    expect(validateRequest(inputFromDetails(back.details), CTX)).toEqual(r);
  }), { numRuns: 400 });
  // The generator must reach both outcomes, or the property proves little.
  expect(accepted).toBeGreaterThan(20);
});

it('reading any stored text as Details never throws, and what it accepts writes back to the same request', () => {
  const json = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json(),
    form.map((f) => validateRequest(f, CTX)).filter((r) => r.ok).map((r) => (r.ok ? r.json : '')),
    fc.tuple(form, fc.string(), fc.jsonValue()).map(([f, key, value]) => {
      const r = validateRequest(f, CTX);
      const o = r.ok ? JSON.parse(r.json) : { format: 1, kind: f.kind };
      o[key] = value;
      return JSON.stringify(o);
    })
  );
  fc.assert(fc.property(json, fc.option(kind, { nil: undefined }), (s, expected) => {
    const parsed = parseDetails(s, expected);
    if (parsed.ok) {
      const again = parseDetails(serialiseDetails(parsed.details), expected);
      expect(again).toEqual(parsed);
    } else {
      expect(parsed.reason.length).toBeGreaterThan(0);
    }
  }), { numRuns: 400 });
});

it('a draft of anything typed comes back exactly; reading any text as a draft never throws', () => {
  const draft: fc.Arbitrary<RequestDraft> = fc.record({
    input: form,
    savedAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    revisionOf: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: null }),
    submissionId: fc.uuid()
  }).map((d) => ({ ...d, kind: d.input.kind }));
  fc.assert(fc.property(draft, (d) => {
    expect(parseDraft(serialiseDraft(d))).toEqual(d);
  }), { numRuns: 300 });
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), draft.chain((d) => fc.tuple(fc.constantFrom('input', 'kind', 'savedAt', 'format', 'revisionOf'), fc.jsonValue()).map(([k, v]) => JSON.stringify({ ...JSON.parse(serialiseDraft(d)), [k]: v })))), (s) => {
    const d = parseDraft(s);
    if (d) expect(parseDraft(serialiseDraft(d))).toEqual(d);
  }), { numRuns: 300 });
});
