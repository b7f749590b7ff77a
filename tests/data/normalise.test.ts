import { toAppError, serviceMessage } from '../../src/data/errors/normalise';
import { AppError } from '../../src/domain/errors';

function httpError(status: number, body: string, headers: Record<string, string> = {}) {
  const response = new Response(body, { status, headers });
  return Object.assign(new Error(`Error making HttpClient request in queryable [${status}] ::> ${body}`), { isHttpRequestError: true, status, response });
}

describe('error normaliser', () => {
  it('maps SharePoint statuses to kinds with people-friendly messages', async () => {
    const cases: [number, string, string][] = [
      [429, '{"odata.error":{"code":"-2147024860","message":{"lang":"en-US","value":"throttled"}}}', 'throttled'],
      [503, 'Service Unavailable', 'throttled'],
      [412, '{"odata.error":{"code":"-1","message":{"value":"The request ETag value does not match"}}}', 'conflict'],
      [403, '{"odata.error":{"code":"-2147024891, System.UnauthorizedAccessException","message":{"value":"Access denied."}}}', 'forbidden'],
      [404, '{"odata.error":{"code":"-1, System.ArgumentException","message":{"value":"List \'SMH Settings\' does not exist at site with URL \'x\'."}}}', 'notSetUp'],
      [404, '{"odata.error":{"code":"-2130575338","message":{"value":"Item does not exist."}}}', 'notFound'],
      [500, '{"odata.error":{"code":"-2147024860, Microsoft.SharePoint.SPQueryThrottledException","message":{"value":"The attempted operation is prohibited because it exceeds the list view threshold."}}}', 'threshold'],
      [500, '{"odata.error":{"code":"-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException","message":{"value":"The list item could not be added or updated because duplicate values were found in one or more fields in the list."}}}', 'validation'],
      [500, 'boom', 'server']
    ];
    for (const [status, body, kind] of cases) {
      const e = await toAppError(httpError(status, body));
      expect(e).toBeInstanceOf(AppError);
      expect(e.kind).toBe(kind);
      expect(e.message).not.toMatch(/odata|queryable|\{/);
    }
  });

  it('keeps the code of a unique-column refusal, so a caller can tell a taken value from other input', async () => {
    const e = await toAppError(httpError(500, '{"odata.error":{"code":"-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException","message":{"value":"duplicate values were found"}}}'));
    expect(e.detail).toContain('SPDuplicateValuesFoundException');
  });

  it('keeps Retry-After and the service text for support', async () => {
    const e = await toAppError(httpError(429, '{"odata.error":{"message":{"value":"slow down"}}}', { 'Retry-After': '7' }));
    expect(e.retryAfterSeconds).toBe(7);
    expect(e.detail).toContain('slow down');
    expect(e.retryable).toBe(true);
  });

  it('maps Graph errors and network failures', async () => {
    expect((await toAppError(Object.assign(new Error('Forbidden'), { statusCode: 403, code: 'Forbidden' }))).kind).toBe('forbidden');
    expect((await toAppError(new TypeError('Failed to fetch'))).kind).toBe('offline');
  });

  it('reads both minimal-metadata and verbose error bodies', () => {
    expect(serviceMessage('{"odata.error":{"message":{"value":"a"}}}')).toBe('a');
    expect(serviceMessage('{"error":{"message":{"value":"b"}}}')).toBe('b');
    expect(serviceMessage('{"error":{"code":"x","message":"c"}}')).toBe('c');
  });
});
