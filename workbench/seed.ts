import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import '../src/data/sp/pnpAdmin';
import '@pnp/sp/site-users/web';
import { SpProvisioner } from '../src/data/sp/provisioner';
import { SpPolicyRepository } from '../src/data/sp/policyRepository';
import { SpSettingsRepository } from '../src/data/sp/settingsRepository';
import { SetupService, type SetupReport } from '../src/services/setupService';
import { ALL_LISTS, GROUPS, LISTS } from '../src/data/schema';
import { SEED_PEOPLE, claimsLogin, type DirectoryUser } from './emulator/directory';
import { handleKeyOf } from '../src/domain/register/accountHandle';

// Demo data for the workbench, made the way a real site gets it: the site owner runs the product's
// own set-up through PnPjs, then adds the comms people to the groups set-up created.

export const TEAMS_APP_ID = '5f3c7a2e-9d41-4b6e-a8c0-3e2f1d7b9a10';
export const DEMO_TEAM_ID = 'a1b2c3d4-0000-4000-8000-00000000c0a1';
export const DEMO_CHANNEL_ID = '19:emergency@thread.tacv2';

export function spAs(siteUrl: string, upn: string): SPFI {
  return spfi().using(SPBrowser({ baseUrl: siteUrl }), InjectHeaders({ 'x-emulator-user': upn }));
}

export function person(persona: DirectoryUser['persona']): DirectoryUser {
  return SEED_PEOPLE.find((p) => p.persona === persona)!;
}

export function setupServiceFor(sp: SPFI): SetupService {
  return new SetupService(new SpProvisioner(sp), new SpPolicyRepository(sp), new SpSettingsRepository(sp));
}

async function listTitles(siteUrl: string): Promise<string[]> {
  return (await spAs(siteUrl, person('siteOwner').upn).web.lists.select('Title')<{ Title: string }[]>()).map((l) => l.Title);
}

/** Seeded by this version: every list of the schema is there (a demo site of an earlier one is not). */
export async function isSeeded(siteUrl: string): Promise<boolean> {
  const titles = await listTitles(siteUrl);
  return ALL_LISTS.every((l) => titles.includes(l.title));
}

export async function seedDemo(siteUrl: string): Promise<SetupReport> {
  const owner = spAs(siteUrl, person('siteOwner').upn);
  // A demo site an earlier version seeded (kept in workbench/.data) is upgraded in place by set-up,
  // the way a real site is; its people, groups and accounts stay as they are.
  const upgrading = (await listTitles(siteUrl)).includes(LISTS.settings.title);
  const report = await setupServiceFor(owner).run({
    organisationName: 'Northshire Council',
    commsHeadName: person('commsHead').displayName,
    teamsAppId: TEAMS_APP_ID,
    announcementTeamId: DEMO_TEAM_ID,
    announcementChannelId: DEMO_CHANNEL_ID,
    rotationDays: 90,
    reportDay: 1
  });
  if (upgrading) return report;
  const members: Record<string, DirectoryUser['persona'][]> = { comms: ['comms', 'commsHead'], commsHeads: ['commsHead'] };
  for (const g of GROUPS) {
    for (const persona of members[g.principal] ?? []) {
      await owner.web.siteGroups.getByName(g.title).users.add(claimsLogin(person(persona).upn));
    }
  }
  await seedAccounts(owner);
  return report;
}

/**
 * A register of a council's size for a demo: enough entries to page and filter. Owners and backups
 * are the seeded owner, backup and leaver only, so the policy views' owners-and-backups stay those three.
 */
async function seedAccounts(owner: SPFI): Promise<void> {
  const id = async (persona: DirectoryUser['persona']): Promise<number> => (await owner.web.ensureUser(claimsLogin(person(persona).upn))).Id;
  const [olivia, ben, leah] = [await id('owner'), await id('backup'), await id('leaver')];
  const accounts = owner.web.lists.getByTitle(LISTS.accounts.title).items;
  const weekdays = JSON.stringify({ slots: [{ days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], from: '09:00', to: '17:00' }] });
  const demo: Record<string, unknown>[] = [
    { Title: 'Northshire Libraries', Platform: 'Facebook', Handle: 'northshirelibraries', ProfileUrl: 'https://www.facebook.com/northshirelibraries', OwningService: 'Libraries', OwnerId: olivia, BackupId: ben, AccountStatus: 'Active', ResponseTargetHours: 8,
      Objectives: 'Tell residents about events, new stock and opening hours; answer questions about membership.', StaffedHours: weekdays, ProfileStatesHours: true, Hashtags: '#NorthshireReads', FromRequestId: 12 },
    { Title: 'Northshire Libraries', Platform: 'Instagram', Handle: 'northshirelibraries', ProfileUrl: 'https://www.instagram.com/northshirelibraries', OwningService: 'Libraries', OwnerId: olivia, AccountStatus: 'Active', ResponseTargetHours: 24, StaffedHours: weekdays },
    { Title: 'Northshire Events', Platform: 'X', Handle: 'northshireevents', ProfileUrl: 'https://x.com/northshireevents', OwningService: 'Culture', OwnerId: leah, AccountStatus: 'Under review', ResponseTargetHours: 24 }
  ];
  // More of the register: services and platforms a council typically has, in every status.
  const more: [string, string, string, string, string, number | undefined, number | undefined][] = [
    ['Northshire Council', 'X', 'northshirecc', 'Communications', 'Active', olivia, ben],
    ['Northshire Council', 'Facebook', 'northshirecouncil', 'Communications', 'Active', olivia, ben],
    ['Northshire Council', 'LinkedIn', 'northshire-council', 'Communications', 'Active', olivia, ben],
    ['Northshire Council', 'YouTube', 'NorthshireCouncil', 'Communications', 'Active', olivia, undefined],
    ['Northshire Council', 'Instagram', 'northshire.council', 'Communications', 'Active', olivia, ben],
    ['Northshire Council', 'TikTok', 'northshirecouncil', 'Communications', 'Proposed', olivia, ben],
    ['Northshire Council', 'Threads', 'northshire.council', 'Communications', 'Proposed', ben, olivia],
    ['Northshire Council', 'Bluesky', 'northshire.bsky.social', 'Communications', 'Active', ben, olivia],
    ['Northshire Careers', 'LinkedIn', 'northshire-careers', 'Human Resources', 'Active', ben, olivia],
    ['Northshire Parks', 'Facebook', 'northshireparks', 'Parks and Open Spaces', 'Active', ben, undefined],
    ['Northshire Parks', 'Instagram', 'northshireparks', 'Parks and Open Spaces', 'Active', ben, olivia],
    ['Northshire Recycles', 'Facebook', 'northshirerecycles', 'Waste and Recycling', 'Active', olivia, ben],
    ['Northshire Recycles', 'X', 'northshirebins', 'Waste and Recycling', 'Under review', olivia, undefined],
    ['Northshire Leisure', 'Facebook', 'northshireleisure', 'Leisure', 'Active', ben, olivia],
    ['Northshire Leisure', 'Instagram', 'northshire_leisure', 'Leisure', 'Active', ben, olivia],
    ['Northshire Museums', 'Instagram', 'northshiremuseums', 'Culture', 'Active', leah, ben],
    ['Northshire Museums', 'X', 'northshiremuseums', 'Culture', 'Closing', leah, undefined],
    ['Northshire Arts Festival', 'Facebook', 'northshireartsfest', 'Culture', 'Closed', leah, undefined],
    ['Northshire Fostering', 'Facebook', 'northshirefostering', 'Children\'s Services', 'Active', olivia, ben],
    ['Northshire Fostering', 'Instagram', 'northshirefostering', 'Children\'s Services', 'Proposed', olivia, ben],
    ['Northshire Roads', 'X', 'northshireroads', 'Highways', 'Active', ben, olivia],
    ['Northshire Planning', 'X', 'northshireplan', 'Planning', 'Closed', undefined, undefined],
    ['Northshire Libraries', 'YouTube', 'northshirelibraries', 'Libraries', 'Proposed', olivia, ben],
    ['Northshire Libraries', 'TikTok', 'northshirelibraries', 'Libraries', 'Proposed', olivia, ben],
    ['Visit Northshire', 'Instagram', 'visitnorthshire', 'Tourism', 'Active', leah, olivia],
    ['Visit Northshire', 'Facebook', 'visitnorthshire', 'Tourism', 'Active', leah, olivia],
    ['Northshire Adult Learning', 'Facebook', 'northshirelearning', 'Adult Learning', 'Under review', olivia, undefined],
    ['Northshire Elections', 'X', 'northshirevotes', 'Electoral Services', 'Closed', undefined, undefined]
  ];
  const url: Record<string, (h: string) => string> = {
    X: (h) => `https://x.com/${h}`, Facebook: (h) => `https://www.facebook.com/${h}`, Instagram: (h) => `https://www.instagram.com/${h}`,
    LinkedIn: (h) => `https://www.linkedin.com/company/${h}`, YouTube: (h) => `https://www.youtube.com/@${h}`, TikTok: (h) => `https://www.tiktok.com/@${h}`,
    Threads: (h) => `https://www.threads.net/@${h}`, Bluesky: (h) => `https://bsky.app/profile/${h}`
  };
  for (const [Title, Platform, Handle, OwningService, AccountStatus, OwnerId, BackupId] of more) {
    demo.push({ Title, Platform, Handle, ProfileUrl: url[Platform](Handle), OwningService, AccountStatus, OwnerId, BackupId, ResponseTargetHours: 24 });
  }
  // Comms store each handle's key with it (what the register finds pasted addresses by).
  for (const a of demo) await accounts.add({ ...a, HandleKey: handleKeyOf(String(a.Handle), String(a.Platform)) });
}
