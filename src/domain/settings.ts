// Checks on the settings a site owner types at set-up. Pure, so forms and tests share them.

export interface SettingsInput {
  organisationName: string;
  commsHeadName: string;
  teamsAppId: string;
  /** Object id of the directory group the policy is for; empty for every enabled member. */
  audienceGroupId: string;
  announcementTeamId: string;
  announcementChannelId: string;
  rotationDays: string;
  reportDay: string;
}

export type SettingsErrors = Partial<Record<keyof SettingsInput, string>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateSettings(input: SettingsInput): SettingsErrors {
  const errors: SettingsErrors = {};
  const within = (v: string, lo: number, hi: number): boolean => /^\d+$/.test(v.trim()) && Number(v) >= lo && Number(v) <= hi;
  if (input.organisationName.trim().length > 120) errors.organisationName = 'Use at most 120 characters.';
  if (input.commsHeadName.trim().length > 120) errors.commsHeadName = 'Use at most 120 characters.';
  if (input.teamsAppId.trim() && !GUID.test(input.teamsAppId.trim())) errors.teamsAppId = 'A Teams app id looks like 5f3c7a2e-9d41-4b6e-a8c0-3e2f1d7b9a10.';
  if (input.audienceGroupId.trim() && !GUID.test(input.audienceGroupId.trim())) errors.audienceGroupId = 'A group id is a GUID such as 3c9e2b7a-4d1f-4a8e-b6c5-0a1b2c3d4e5f: copy the Object ID from the group\'s page in Entra ID, or leave this empty for everyone.';
  if (input.announcementTeamId.trim() && !GUID.test(input.announcementTeamId.trim())) errors.announcementTeamId = 'A team id is a GUID; copy it from the team\'s link.';
  if (input.announcementChannelId.trim() && !/^19:[^\s]+@thread\.(tacv2|skype)$/.test(input.announcementChannelId.trim())) errors.announcementChannelId = 'A channel id looks like 19:…@thread.tacv2.';
  if (!within(input.rotationDays, 7, 730)) errors.rotationDays = 'Enter a number of days between 7 and 730.';
  if (!within(input.reportDay, 1, 28)) errors.reportDay = 'Enter a day between 1 and 28.';
  return errors;
}
