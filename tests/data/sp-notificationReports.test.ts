// The delivery-report store against the SharePoint emulator with the real PnPjs: append-only (a
// retry adds an item, nothing is edited), the newest item for a target is its report, who and when
// are SharePoint's Author and Created, and reports written before per-person results still read.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { seedDemoSite } from '../support/site';
import { spAs, person } from '../support/emulator-sharepoint';
import { SpNotificationReports } from '../../src/data/sp/notificationReports';
import { deliverySummary } from '../../src/services/deliveryReport';
import { LISTS } from '../../src/data/schema';
import type { DeliveryReport } from '../../src/services/ports/notificationReports';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
});
afterAll(async () => {
  await emu?.close();
});

const items = () => spAs(emu, person('comms').upn).web.lists.getByTitle(LISTS.notifications.title).items;

it('adds a new item for every report and reads the newest for its target', async () => {
  const store = new SpNotificationReports(spAs(emu, person('comms').upn));
  const first: DeliveryReport = { recipients: 2, results: [
    { recipient: 'olivia.reed@northshire.gov.uk', name: 'Olivia Reed', status: 'sent', via: 'single' },
    { recipient: 'ben.hughes@northshire.gov.uk', name: 'Ben Hughes', status: 'notReachable', reason: 'appNotInstalled' }
  ] };
  const retried: DeliveryReport = { recipients: 2, results: [first.results[0], { ...first.results[1], status: 'sent', reason: undefined, via: 'single' }] };
  await store.save('policyVersions', 41, 'policyPublished', first);
  await store.save('policyVersions', 42, 'policyPublished', { recipients: 1, results: [] });
  await store.save('policyVersions', 41, 'policyPublished', retried);

  const latest = await store.latest('policyVersions', 41);
  expect(latest).toMatchObject({ recipients: 2, by: 'Chris Morgan' });
  expect(deliverySummary(latest!).sent).toBe(2);
  expect(Date.parse(latest!.at)).not.toBeNaN();

  // Both reports for 41 are there; the first one was not rewritten.
  const stored = await items().filter('TargetId eq 41').orderBy('Id', true).select('Report')<{ Report: string }[]>();
  expect(stored.map((i) => JSON.parse(i.Report))).toEqual([JSON.parse(JSON.stringify(first)), JSON.parse(JSON.stringify(retried))]);
  expect(await store.latest('policyVersions', 43)).toBeUndefined();
});

it('reads a report written before per-person results: its failures listed, everyone else sent', async () => {
  await items().add({ Title: 'old', TargetList: 'policyVersions', TargetId: 50, ActivityType: 'policyPublished', Report: JSON.stringify({
    recipients: 3, delivered: 2, notDelivered: [{ recipient: 'ben.hughes@northshire.gov.uk', status: 'throttled', retryAfterSeconds: 5, reason: 'throttled' }]
  }) });
  const report = await new SpNotificationReports(spAs(emu, person('comms').upn)).latest('policyVersions', 50);
  expect(report!.results).toEqual([{ recipient: 'ben.hughes@northshire.gov.uk', status: 'failed', reason: 'throttled', retryAfterSeconds: 5 }]);
  expect(deliverySummary(report!)).toMatchObject({ recipients: 3, sent: 2 });
});
