import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person, rejection } from '../support/emulator-sharepoint';
import { SpProvisioner } from '../../src/data/sp/provisioner';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SpSettingsRepository } from '../../src/data/sp/settingsRepository';
import { SetupService, type SetupReport } from '../../src/services/setupService';
import { PolicyService } from '../../src/services/policyService';
import { SpAcknowledgementRepository } from '../../src/data/sp/acknowledgementRepository';
import { ALL_LISTS, GROUPS, LISTS } from '../../src/data/schema';
import { claimsLogin } from '../../workbench/emulator/directory';
import { AppError } from '../../src/domain/errors';

// The real set-up, repositories and PnPjs against the emulator: the site gets the schema's lists and
// permissions, and the permission model holds against raw REST calls of each role.

let firstRun: SetupReport;
let emu: Emulator;
const setupAs = (upn: string) => {
  const sp = spAs(emu, upn);
  return new SetupService(new SpProvisioner(sp), new SpPolicyRepository(sp), new SpSettingsRepository(sp));
};

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  const owner = spAs(emu, person('siteOwner').upn);
  firstRun = await setupAs(person('siteOwner').upn).run({ organisationName: 'Northshire Council', commsHeadName: 'Hannah Lewis' });
  await owner.web.siteGroups.getByName(GROUPS[0].title).users.add(claimsLogin(person('comms').upn));
  await owner.web.siteGroups.getByName(GROUPS[1].title).users.add(claimsLogin(person('commsHead').upn));
});

afterAll(async () => {
  await emu?.close();
});

describe('set-up against the emulator', () => {
  it('created every list of the schema with its fields and indexes', async () => {
    const sp = spAs(emu, person('siteOwner').upn);
    const titles = (await sp.web.lists.select('Title')<{ Title: string }[]>()).map((l) => l.Title);
    for (const l of ALL_LISTS) expect(titles).toContain(l.title);
    const fields = await sp.web.lists.getByTitle(LISTS.policyVersions.title).fields.select('InternalName', 'Indexed', 'EnforceUniqueValues', 'Title')<{ InternalName: string; Indexed: boolean; EnforceUniqueValues: boolean; Title: string }[]>();
    expect(fields.find((f) => f.InternalName === 'VersionNumber')).toMatchObject({ Indexed: true, EnforceUniqueValues: true, Title: 'Version number' });
    const author = (await sp.web.lists.getByTitle(LISTS.acknowledgements.title).fields.select('InternalName', 'Indexed')<{ InternalName: string; Indexed: boolean }[]>()).find((f) => f.InternalName === 'Author');
    expect(author?.Indexed).toBe(true);
  });

  it('the first run counts its lists and groups, and names the groups the site owner fills next', async () => {
    expect(firstRun.counts.list).toBe(ALL_LISTS.length);
    expect(firstRun.counts.group).toBe(GROUPS.length);
    expect(firstRun.counts.permission).toBeGreaterThan(ALL_LISTS.length);
    expect(Object.values(firstRun.counts).reduce((a, b) => a + b, 0)).toBe(firstRun.changes.length);
    const owner = spAs(emu, person('siteOwner').upn);
    const comms = await owner.web.siteGroups.getByName(GROUPS[0].title).select('Id')<{ Id: number }>();
    expect(firstRun.manage.groups.map((g) => g.title)).toEqual(GROUPS.map((g) => g.title));
    expect(firstRun.manage.groups[0].id).toBe(comms.Id);
    expect(firstRun.manage.siteUrl).toBe(emu.siteUrl.replace(/\/$/, ''));
  });

  it('a second run changes nothing and says so', async () => {
    const report = await setupAs(person('siteOwner').upn).run({ organisationName: 'Northshire Council', commsHeadName: 'Hannah Lewis' });
    expect(report.changes).toEqual([]);
    expect(report.counts).toEqual({ list: 0, group: 0, permission: 0, other: 0 });
    expect(report.seededPolicy).toBe(false);
  });

  it('repairs a permission someone removed by hand, and only that', async () => {
    const owner = spAs(emu, person('siteOwner').upn);
    const list = owner.web.lists.getByTitle(LISTS.hashtags.title);
    const visitors = await owner.web.associatedVisitorGroup.select('Id')<{ Id: number }>();
    const read = await owner.web.roleDefinitions.getByType(2).select('Id')<{ Id: number }>();
    await list.roleAssignments.remove(visitors.Id, read.Id);
    const report = await setupAs(person('siteOwner').upn).run({});
    expect(report.changes).toEqual([`Grant read on "${LISTS.hashtags.title}" to everyone`]);
  });

  it('refuses a member of staff before touching anything, and SharePoint refuses the raw call too', async () => {
    await expect(setupAs(person('staff').upn).run({})).rejects.toBeInstanceOf(AppError);
    const staff = spAs(emu, person('staff').upn);
    const e = await rejection(staff.web.lists.add('Sneaky list', '', 100, false));
    expect(e.status).toBe(403);
  });
});

describe('the policy page data', () => {
  it('loads the policy and settings in one SharePoint round trip', async () => {
    emu.requestLog.clear();
    const staff = spAs(emu, person('staff').upn);
    const me = await staff.web.currentUser.select('Id')<{ Id: number }>();
    emu.requestLog.clear();
    const page = await new PolicyService(new SpPolicyRepository(staff), new SpAcknowledgementRepository(staff), async () => me.Id).loadPage();
    expect(page.policy?.label).toBe('1.0');
    expect(page.render('{organisation} / {commsHead}')).toBe('Northshire Council / Hannah Lewis');
    const calls = emu.requestLog.all().filter((r) => r.path.includes('/_api/'));
    expect(calls.map((c) => `${c.method} ${c.path.split('?')[0]}`)).toEqual(['POST /sites/hub/_api/$batch']);
  });

  it('says "not set up" on a site without the lists', async () => {
    const bare = await startEmulator({ quiet: true });
    try {
      const repo = new SpPolicyRepository(spAs(bare, person('staff').upn));
      await expect(repo.loadPolicyPage(1)).rejects.toMatchObject({ kind: 'notSetUp' });
    } finally {
      await bare.close();
    }
  });
});

describe('permissions, tried through raw REST', () => {
  const item = { Title: 'x', VersionNumber: 9001, VersionLabel: '9.1', Major: 9, Status: 'Published', Content: '{}' };

  it('a member of staff can read the policy but not change it', async () => {
    const staff = spAs(emu, person('staff').upn);
    const policies = staff.web.lists.getByTitle(LISTS.policyVersions.title).items;
    expect((await policies.select('Id')()).length).toBe(1);
    expect((await rejection(policies.add(item))).status).toBe(403);
    expect((await rejection(policies.getById(1).update({ Title: 'changed' }))).status).toBe(403);
    expect((await rejection(policies.getById(1).delete())).status).toBe(403);
  });

  it('comms can publish a policy version; a member of staff cannot touch settings', async () => {
    const comms = spAs(emu, person('comms').upn);
    const versions = comms.web.lists.getByTitle(LISTS.policyVersions.title).items;
    const added = await versions.add(item);
    expect(added.Id).toBeGreaterThan(1);
    // Published versions are history: not even comms can rewrite or remove one.
    expect((await rejection(versions.getById(added.Id).update({ Content: '{}' }))).status).toBe(403);
    expect((await rejection(versions.getById(added.Id).delete())).status).toBe(403);
    const staff = spAs(emu, person('staff').upn);
    expect((await rejection(staff.web.lists.getByTitle(LISTS.settings.title).items.add({ Title: 'organisationName', SettingKey: 'organisationName', SettingValue: 'Evil Corp' }))).status).toBe(403);
  });

  it('only the comms heads group can write a decision', async () => {
    const decision = { Title: 'Decision', RequestId: 1, Outcome: 'Approve', Reason: 'fine' };
    for (const p of ['staff', 'comms', 'owner'] as const) {
      const e = await rejection(spAs(emu, person(p).upn).web.lists.getByTitle(LISTS.decisions.title).items.add(decision));
      expect([403, 404]).toContain(e.status);
    }
    const head = await spAs(emu, person('commsHead').upn).web.lists.getByTitle(LISTS.decisions.title).items.add(decision);
    expect(head.Id).toBeGreaterThan(0);
  });

  it('only comms write delivery reports, so nobody else can make a failed notification look delivered', async () => {
    const report = { Title: 'report', TargetList: 'policyVersions', TargetId: 1, ActivityType: 'policyPublished', Report: '{"recipients":3,"delivered":3,"notDelivered":[]}' };
    for (const p of ['staff', 'owner'] as const) {
      const e = await rejection(spAs(emu, person(p).upn).web.lists.getByTitle(LISTS.notifications.title).items.add(report));
      expect([403, 404]).toContain(e.status);
    }
    const byComms = await spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.notifications.title).items.add(report);
    expect(byComms.Id).toBeGreaterThan(0);
  });

  it('the vault private keys list is invisible to a member of staff', async () => {
    const e = await rejection(spAs(emu, person('staff').upn).web.lists.getByTitle(LISTS.vaultPrivateKeys.title).items());
    expect([403, 404]).toContain(e.status);
  });

  it('activity is append-only: the author cannot edit or delete their own entry, and cannot write as someone else', async () => {
    const staffUpn = person('staff').upn;
    const staff = spAs(emu, staffUpn);
    const log = staff.web.lists.getByTitle(LISTS.activity.title).items;
    const me = await staff.web.currentUser.select('Id')<{ Id: number }>();
    const comms = await spAs(emu, person('comms').upn).web.currentUser.select('Id')<{ Id: number }>();
    const added = await log.add({ Title: 'read policy', Action: 'policy.read', AuthorId: comms.Id });
    expect(added.AuthorId).toBe(me.Id);
    expect((await rejection(log.getById(added.Id).update({ Action: 'forged' }))).status).toBe(403);
    expect((await rejection(log.getById(added.Id).delete())).status).toBe(403);
  });
});
