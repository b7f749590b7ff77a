// Deep links into the personal app and their parsing back, as the app routes from them.
import { buildDeepLink, fallbackUrl, parseDeepLink, parseSubEntityId, subEntityId } from '../../src/data/graph/deepLinks';
import { failureFromError, parseRetryAfter, reasonForStatus } from '../../src/data/graph/failures';

const options = { teamsAppId: '5f3c7a2e-9d41-4b6e-a8c0-3e2f1d7b9a10', fallbackBaseUrl: 'https://contoso.sharepoint.com/sites/hub/SitePages/Home.aspx?mode=x' };

describe('deep links', () => {
  it('builds the documented shape: /l/entity/<appId>/<tab>?webUrl&label&context{subEntityId}', () => {
    const link = buildDeepLink(options, { pageId: 'requests', subPageId: '42', label: 'Request 42 & more' });
    expect(link.startsWith('https://teams.microsoft.com/l/entity/5f3c7a2e-9d41-4b6e-a8c0-3e2f1d7b9a10/hub?webUrl=')).toBe(true);
    const url = new URL(link);
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'requests:42' });
    expect(url.searchParams.get('label')).toBe('Request 42 & more');
    const fallback = new URL(url.searchParams.get('webUrl')!);
    expect(fallback.searchParams.get('mode')).toBe('x');
    expect(fallback.searchParams.get('smh')).toBe('requests');
    expect(fallback.searchParams.get('item')).toBe('42');
  });

  it('round-trips through parseDeepLink, with and without an item', () => {
    expect(parseDeepLink(buildDeepLink(options, { pageId: 'policy', subPageId: 'v3:draft', label: 'P' }))).toMatchObject({ entityId: 'hub', pageId: 'policy', subPageId: 'v3:draft' });
    const noItem = parseDeepLink(buildDeepLink({ ...options, entityId: 'other' }, { pageId: 'accounts', label: 'A' }))!;
    expect(noItem).toMatchObject({ entityId: 'other', pageId: 'accounts', subPageId: undefined });
    expect(new URL(noItem.webUrl!).searchParams.has('item')).toBe(false);
    expect(parseDeepLink('https://example.org/l/entity/x/y')).toBeUndefined();
  });

  it('parses subEntityId as Teams hands it to the tab', () => {
    expect(parseSubEntityId('requests:42')).toEqual({ pageId: 'requests', subPageId: '42' });
    expect(parseSubEntityId('policy')).toEqual({ pageId: 'policy' });
    expect(parseSubEntityId('policy:')).toEqual({ pageId: 'policy' });
    expect(parseSubEntityId('')).toBeUndefined();
    expect(parseSubEntityId(undefined)).toBeUndefined();
    expect(parseSubEntityId(subEntityId({ pageId: 'a', subPageId: 'b:c' }))).toEqual({ pageId: 'a', subPageId: 'b:c' });
    expect(fallbackUrl('https://x.org/p', { pageId: 'a' })).toBe('https://x.org/p?smh=a');
  });
});

describe('failure reasons', () => {
  it('maps statuses and Retry-After forms', () => {
    expect([0, 400, 401, 403, 404, 409, 429, 500, 503].map(reasonForStatus)).toEqual(['offline', 'validation', 'forbidden', 'forbidden', 'notFound', 'conflict', 'throttled', 'server', 'throttled']);
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(failureFromError(new TypeError('fetch failed'))).toMatchObject({ status: 0, reason: 'offline' });
  });
});
