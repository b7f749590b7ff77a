import { HttpRequestError } from '@pnp/queryable';
import { GraphErrorHandler } from '@microsoft/microsoft-graph-client/lib/src/GraphErrorHandler';
import { kindForStatus, STATUS_KINDS } from '../../src/data/errors/statusKinds';
import { toAppError } from '../../src/data/errors/normalise';
import { failureFromError, failureFromPart, reasonForStatus } from '../../src/data/graph/failures';
import { withRetry } from '../../src/data/graph/retry';

// Both error paths read one status table: the same status gives the same kind whether it came from
// SharePoint through PnPjs or from Graph through its SDK, and whether the caller wants an AppError
// (the UI) or a delivery reason (the notifier).

const EXPECTED: [number, string][] = [
  [429, 'throttled'],
  [503, 'throttled'],
  [409, 'conflict'],
  [412, 'conflict'],
  [401, 'forbidden'],
  [403, 'forbidden'],
  [404, 'notFound'],
  [400, 'validation'],
  [500, 'server']
];

/** What PnPjs throws for a failed request: its own HttpRequestError built from the Response. */
function pnpError(status: number, message: string, headers: Record<string, string> = {}): Promise<HttpRequestError> {
  return HttpRequestError.init(new Response(JSON.stringify({ 'odata.error': { code: '-1, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: message } } }), { status, headers }));
}

/** What the Graph SDK throws: a GraphError built by its own handler from Graph's error body. */
function graphError(status: number, message: string, headers: Record<string, string> = {}) {
  const raw = new Response(null, { status, headers });
  return GraphErrorHandler.getError({ error: { code: 'someCode', message, innerError: { date: '2026-11-30T10:00:00', 'request-id': 'r1' } } }, status, undefined, raw);
}

describe('the shared status table', () => {
  it.each(EXPECTED)('%i is %s', (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
    expect(reasonForStatus(status)).toBe(kind);
  });

  it('covers every status it names, and nothing maps differently on the Graph side', () => {
    for (const [status, kind] of Object.entries(STATUS_KINDS)) expect(reasonForStatus(Number(status))).toBe(kind);
  });

  it('treats no response as offline and unknown statuses by their class', () => {
    expect(kindForStatus(0)).toBe('offline');
    expect(kindForStatus(-1)).toBe('offline');
    expect(kindForStatus(504)).toBe('server');
    expect(kindForStatus(422)).toBe('validation');
  });
});

describe.each(EXPECTED)('status %i (%s)', (status, kind) => {
  it('from a PnPjs HttpRequestError becomes that AppError kind', async () => {
    const e = await toAppError(await pnpError(status, 'The operation failed.'));
    expect(e.kind).toBe(kind);
    expect(e.detail).toContain(String(status));
  });

  it('from a Graph error becomes that AppError kind and that delivery reason', async () => {
    const g = await graphError(status, 'Something about the request.');
    expect(g.statusCode).toBe(status);
    expect((await toAppError(g)).kind).toBe(kind);
    expect(failureFromError(g)).toMatchObject({ status, reason: kind, code: 'someCode' });
  });

  it('from a Graph $batch part becomes that delivery reason', () => {
    expect(failureFromPart({ status, body: { error: { code: 'someCode', message: 'x' } } })).toMatchObject({ status, reason: kind, code: 'someCode' });
  });

  it('from a PnPjs HttpRequestError read as a delivery failure gives the same reason', async () => {
    expect(failureFromError(await pnpError(status, 'x')).reason).toBe(kind);
  });
});

describe('offline (no response)', () => {
  it('a network failure under PnPjs (fetch rejects with TypeError) is offline', async () => {
    const e = await toAppError(new TypeError('fetch failed'));
    expect(e.kind).toBe('offline');
    expect(failureFromError(new TypeError('fetch failed'))).toMatchObject({ status: 0, reason: 'offline' });
  });

  it("a network failure under the Graph SDK (statusCode -1 wrapping fetch's TypeError) is offline on both paths", async () => {
    const g = await GraphErrorHandler.getError(new TypeError('fetch failed'));
    expect(g.statusCode).toBe(-1);
    expect((await toAppError(g)).kind).toBe('offline');
    expect(failureFromError(g)).toMatchObject({ status: 0, reason: 'offline' });
  });
});

describe('SharePoint refinements on top of the table', () => {
  it('a duplicate is a validation problem, a missing list means set-up, the threshold is its own kind', async () => {
    expect((await toAppError(await pnpError(409, 'An item with the same key has already been added; duplicate value.'))).kind).toBe('validation');
    expect((await toAppError(await pnpError(404, "List 'SMH Settings' does not exist at site with URL 'x'."))).kind).toBe('notSetUp');
    expect((await toAppError(await pnpError(500, 'The attempted operation is prohibited because it exceeds the list view threshold.'))).kind).toBe('threshold');
  });

  it('keeps Retry-After from either shape', async () => {
    expect((await toAppError(await pnpError(503, 'busy', { 'Retry-After': '9' }))).retryAfterSeconds).toBe(9);
    expect(failureFromError(await graphError(503, 'busy', { 'Retry-After': '11' })).retryAfterSeconds).toBe(11);
  });
});

it('a Graph 503 that outlasts the retries is reported throttled with a time to wait', async () => {
  const sleeps: number[] = [];
  const result = await withRetry({ maxAttempts: 2, maxWaitSeconds: 30, defaultWaitSeconds: 5, sleep: async (ms) => void sleeps.push(ms) }, async () => {
    throw await graphError(503, 'Service unavailable', { 'Retry-After': '3' });
  });
  expect(result).toMatchObject({ ok: false, failure: { status: 503, reason: 'throttled', retryAfterSeconds: 3 } });
  expect(sleeps).toEqual([3000]);
});

it('every kind the table can give has its own words in a delivery report', async () => {
  const { reasonText } = await import('../../src/ui/common/DeliveryReportView');
  // A 404 never reaches a report as a failure: the notifier turns it into "not reachable: unknown person".
  const kinds = [...new Set([0, ...Object.keys(STATUS_KINDS).map(Number), 500].map(kindForStatus))]
    .filter((k): k is Exclude<typeof k, 'notFound'> => k !== 'notFound');
  const texts = kinds.map((reason) => reasonText({ recipient: 'x', status: 'failed', reason }));
  // Distinct texts: no kind falls back to another kind's (or the generic server) wording.
  expect(new Set(texts).size).toBe(kinds.length);
  expect(reasonText({ recipient: 'x', status: 'failed', reason: 'conflict' })).toBe('Teams was handling another change; try again');
});
