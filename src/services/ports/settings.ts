// Hub settings (PRODUCT.md C10). Stored as key/value items; nothing secret goes here.
export interface HubSettings {
  organisationName: string;
  commsHeadName: string;
  teamsAppId: string;
  /** The directory group whose members the policy is for; empty means every enabled member. */
  audienceGroupId: string;
  announcementTeamId: string;
  announcementChannelId: string;
  rotationDays: number;
  reportDay: number;
}

export const DEFAULT_SETTINGS: HubSettings = {
  organisationName: '',
  commsHeadName: '',
  teamsAppId: '',
  audienceGroupId: '',
  announcementTeamId: '',
  announcementChannelId: '',
  rotationDays: 90,
  reportDay: 1
};

export interface ISettingsRepository {
  load(): Promise<HubSettings>;
  /** Saves only the keys that changed; returns the saved settings. */
  save(changes: Partial<HubSettings>): Promise<HubSettings>;
}
