import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { SpNotificationReports } from '../../src/data/sp/notificationReports';
import { PolicyPublisher } from '../../src/services/policyPublisher';
import { RecordingNotifier } from '../support/fakes';

// Issue 7's "no lost edits" against the emulator: two comms people publish from the same version.
// The second is refused with a conflict, whether the newest-version check sees the first one's
// version or the race slips past it and SharePoint's unique VersionNumber refuses the add; either
// way the first person's text is what stays in force.

let emu: Emulator;

const as = (p: 'comms' | 'commsHead') => {
  const sp = spAs(emu, person(p).upn);
  const policies = new SpPolicyRepository(sp);
  return { policies, publisher: new PolicyPublisher(policies, new SpAccountsRepository(sp), new SpActivityLog(sp), new RecordingNotifier(), new SpNotificationReports(sp), (html) => html) };
};

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
});

afterAll(async () => {
  await emu?.close();
});

it('the second of two publications from the same version is refused and the first one\'s text stays', async () => {
  const chris = as('comms');
  const hannah = as('commsHead');
  const [summary] = await chris.policies.listVersions();
  const base = await chris.policies.getVersion(summary.id);
  const first = { ...base.content, sections: base.content.sections.map((s, i) => (i === 0 ? { ...s, body: '<p>Chris wrote this.</p>' } : s)) };
  const second = { ...base.content, sections: base.content.sections.map((s, i) => (i === 1 ? { ...s, body: '<p>Hannah wrote this.</p>' } : s)) };
  const { version } = await chris.publisher.publish({ content: first, kind: 'minor', changeSummary: 'Chris', basedOn: base });

  await expect(hannah.publisher.publish({ content: second, kind: 'minor', changeSummary: 'Hannah', basedOn: base }))
    .rejects.toMatchObject({ kind: 'conflict', inForce: { id: version.id, label: version.label } });

  // The race: Hannah's check read the list before Chris's add landed. SharePoint's unique column refuses.
  const stale = await hannah.policies.listVersions();
  hannah.policies.listVersions = async () => stale.filter((v) => v.id !== version.id);
  await expect(hannah.publisher.publish({ content: second, kind: 'minor', changeSummary: 'Hannah', basedOn: base }))
    .rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(new RegExp(`Someone published version ${version.label.replace('.', '\\.')}`)) });

  const inForce = await as('comms').policies.listVersions();
  expect(inForce.map((v) => v.label)).toEqual([version.label, base.label]);
  const stored = await as('comms').policies.getVersion(inForce[0].id);
  expect(stored.changeSummary).toBe('Chris');
  expect(stored.content.sections[0].body).toBe('<p>Chris wrote this.</p>');
  expect(stored.content.sections[1].body).toBe(base.content.sections[1].body);
});
