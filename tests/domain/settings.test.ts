import fc from 'fast-check';
import { validateSettings, type SettingsInput } from '../../src/domain/settings';

const good: SettingsInput = {
  organisationName: 'Northshire Council', commsHeadName: 'Hannah Lewis', teamsAppId: '5f3c7a2e-9d41-4b6e-a8c0-3e2f1d7b9a10',
  audienceGroupId: '', announcementTeamId: '', announcementChannelId: '19:emergency@thread.tacv2', rotationDays: '90', reportDay: '1'
};

describe('set-up settings validation', () => {
  it('accepts sensible settings', () => {
    expect(validateSettings(good)).toEqual({});
  });

  it('explains each bad value', () => {
    const errors = validateSettings({ ...good, teamsAppId: 'not-a-guid', announcementChannelId: 'general', rotationDays: '3', reportDay: '31' });
    expect(Object.keys(errors).sort()).toEqual(['announcementChannelId', 'reportDay', 'rotationDays', 'teamsAppId']);
    expect(errors.reportDay).toMatch(/between 1 and 28/);
  });

  it('takes an empty audience group (everyone) or a group object id, and explains anything else', () => {
    expect(validateSettings({ ...good, audienceGroupId: ' 3c9e2b7a-4d1f-4a8e-b6c5-100000000001 ' })).toEqual({});
    expect(validateSettings({ ...good, audienceGroupId: 'All staff' }).audienceGroupId).toMatch(/Object ID .* or leave this empty/);
  });

  it('never accepts a report day outside 1..28, whatever is typed', () => {
    fc.assert(fc.property(fc.string(), (reportDay) => {
      const ok = validateSettings({ ...good, reportDay }).reportDay === undefined;
      if (ok) expect(Number(reportDay) >= 1 && Number(reportDay) <= 28).toBe(true);
    }));
  });
});
