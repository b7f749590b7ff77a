import { acknowledgementOf, countsFor } from '../../src/domain/policy';
import { resolveHubUrl, sameSite } from '../../src/app/hubSite';

describe('which acknowledgement counts', () => {
  const v2 = { major: 2, publishedAt: '2026-06-01T09:00:00Z' };

  it('only one of the version in force, recorded after it was published', () => {
    expect(countsFor({ major: 2, at: '2026-06-01T09:00:01Z' }, v2)).toBe(true);
    expect(countsFor({ major: 2, at: '2026-05-31T23:59:59Z' }, v2)).toBe(false);
    expect(countsFor({ major: 3, at: '2026-07-01T00:00:00Z' }, v2)).toBe(false);
    expect(countsFor({ major: 999, at: '2026-07-01T00:00:00Z' }, v2)).toBe(false);
  });

  it('finds the earliest acknowledgement that counts among many', () => {
    const acks = [{ major: 2, at: '2026-06-03T00:00:00Z' }, { major: 999, at: '2026-06-04T00:00:00Z' }, { major: 2, at: '2026-06-02T00:00:00Z' }];
    expect(acknowledgementOf(acks, v2)?.at).toBe('2026-06-02T00:00:00Z');
    expect(acknowledgementOf([{ major: 1, at: '2026-06-02T00:00:00Z' }], v2)).toBeUndefined();
  });
});

describe('which site is the hub', () => {
  it('the web part property, then the tenant setting, then the current site', () => {
    expect(resolveHubUrl('https://contoso.sharepoint.com/sites/social/', 'https://contoso.sharepoint.com/sites/other', 'https://contoso.sharepoint.com')).toBe('https://contoso.sharepoint.com/sites/social');
    expect(resolveHubUrl('  ', 'https://contoso.sharepoint.com/sites/other', 'https://contoso.sharepoint.com')).toBe('https://contoso.sharepoint.com/sites/other');
    expect(resolveHubUrl(undefined, 'not a url', 'https://contoso.sharepoint.com/teams/libraries/')).toBe('https://contoso.sharepoint.com/teams/libraries');
    expect(resolveHubUrl('http://insecure.example/sites/x', undefined, 'https://contoso.sharepoint.com')).toBe('https://contoso.sharepoint.com');
  });

  it('compares sites without case or trailing slashes', () => {
    expect(sameSite('https://Contoso.sharepoint.com/sites/Social/', 'https://contoso.sharepoint.com/sites/social')).toBe(true);
    expect(sameSite('https://contoso.sharepoint.com/sites/social', 'https://contoso.sharepoint.com')).toBe(false);
  });
});
