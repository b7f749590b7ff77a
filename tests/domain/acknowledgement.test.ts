import { acknowledgementOf, acknowledgementsCountFrom, countsFor, majorReleaseOf } from '../../src/domain/policy';
import { resolveHubUrl, sameSite } from '../../src/webparts/socialMediaHub/hubSite';

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

describe('a minor version resets nothing', () => {
  const v20 = { id: 7, major: 2, minor: 0, label: '2.0', publishedAt: '2026-06-01T09:00:00Z', changeSummary: 'New rules for campaigns' };
  const v21 = { id: 9, major: 2, minor: 1, label: '2.1', publishedAt: '2026-06-20T14:30:00Z', changeSummary: 'Typo' };
  const v22 = { id: 11, major: 2, minor: 2, label: '2.2', publishedAt: '2026-07-03T08:15:00Z' };

  it('the N.0 of a major is its release, whatever order the versions come in', () => {
    expect(majorReleaseOf(v22, [v22, v21, v20, { id: 3, major: 1, minor: 0, label: '1.0' }])).toEqual({ id: 7, label: '2.0', publishedAt: v20.publishedAt, changeSummary: v20.changeSummary });
    expect(majorReleaseOf(v20, [])).toMatchObject({ id: 7, label: '2.0' });
  });

  it('an acknowledgement of 2.0 still counts while 2.1 or 2.2 is in force', () => {
    const inForce = { major: 2, publishedAt: v22.publishedAt, majorRelease: majorReleaseOf(v22, [v20, v21]) };
    const ack = { major: 2, at: '2026-06-02T10:00:00Z' };
    expect(acknowledgementsCountFrom(inForce)).toBe(v20.publishedAt);
    expect(countsFor(ack, inForce)).toBe(true);
    expect(acknowledgementOf([ack], inForce)).toBe(ack);
    // Still never before the major was published.
    expect(countsFor({ major: 2, at: '2026-05-31T10:00:00Z' }, inForce)).toBe(false);
  });

  it('without a known release the version\'s own time stands in: stricter, never laxer', () => {
    expect(countsFor({ major: 2, at: '2026-06-02T10:00:00Z' }, { major: 2, publishedAt: v21.publishedAt })).toBe(false);
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
