import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SpAcknowledgementRepository } from '../../src/data/sp/acknowledgementRepository';
import { SpAccountsRepository } from '../../src/data/sp/accountsRepository';
import { SpActivityLog } from '../../src/data/sp/activityLog';
import { SpNotificationReports } from '../../src/data/sp/notificationReports';
import { SpSettingsRepository } from '../../src/data/sp/settingsRepository';
import { PolicyService } from '../../src/services/policyService';
import { CoverageService } from '../../src/services/coverageService';
import { PolicyPublisher } from '../../src/services/policyPublisher';
import { ALL_LISTS, BUILT_IN, PERSON } from '../../src/data/schema';
import { RecordingNotifier } from '../support/fakes';

// Every field a repository names in a query ($select, $expand, $orderby, $filter) exists in the
// schema of the list it asks: the product's own calls, as the emulator received them, batch parts
// included. (Item bodies are checked by the emulator itself, which refuses an unknown field.)

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
});
afterAll(async () => { await emu?.close(); });

/** Field names a request uses, per list title. */
function fieldsUsed(path: string): { list: string; fields: string[]; people: string[] } | undefined {
  const decoded = decodeURIComponent(path);
  const list = /getbytitle\('((?:[^']|'')*)'\)/i.exec(decoded)?.[1]?.replace(/''/g, "'");
  if (!list || !/\/items/i.test(decoded)) return undefined;
  const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
  const fields: string[] = [];
  const people: string[] = [];
  for (const s of (query.get('$select') ?? '').split(',').filter(Boolean)) {
    const [field, sub] = s.split('/');
    fields.push(field);
    if (sub) people.push(sub);
  }
  fields.push(...(query.get('$expand') ?? '').split(',').filter(Boolean));
  fields.push(...(query.get('$orderby') ?? '').split(',').filter(Boolean).map((o) => o.trim().split(/\s+/)[0]));
  for (const m of (query.get('$filter') ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s+(?:eq|ne|ge|gt|le|lt)\s/g)) fields.push(m[1]);
  return { list, fields, people };
}

it('every field the repositories name exists in the schema of that list', async () => {
  emu.requestLog.clear();
  const comms = spAs(emu, person('comms').upn);
  const me = (await comms.web.currentUser.select('Id')<{ Id: number }>()).Id;
  const policies = new SpPolicyRepository(comms);
  const acks = new SpAcknowledgementRepository(comms);
  const service = new PolicyService(policies, acks, async () => me);
  const page = await service.acknowledge(await service.loadPage());
  const publisher = new PolicyPublisher(policies, new SpAccountsRepository(comms), new SpActivityLog(comms), new RecordingNotifier(), new SpNotificationReports(comms), (h) => h);
  const { version } = await publisher.publish({ content: page.policy!.content, kind: 'minor', changeSummary: 'Wording.', basedOn: page.policy });
  await publisher.notifyOwners(await policies.getVersion(version.id));
  await publisher.lastDelivery(version);
  const coverage = new CoverageService(new SpAccountsRepository(comms), acks);
  await coverage.keyPeople(version);
  await coverage.everyone(version);
  await service.listVersions();
  await new SpSettingsRepository(spAs(emu, person('siteOwner').upn)).save({ rotationDays: 60 });

  const parts = emu.requestLog.all().flatMap((r) => [r, ...(r.parts ?? [])]);
  const used = parts.map((r) => fieldsUsed(r.path)).filter((u): u is NonNullable<typeof u> => !!u);
  const lists = new Set(used.map((u) => u.list));
  // The calls above reach every list a repository reads today.
  expect([...lists].sort()).toEqual(['SMH Accounts', 'SMH Acknowledgements', 'SMH Activity', 'SMH Import Runs', 'SMH Notifications', 'SMH Policy Versions', 'SMH Settings']);
  const builtIns = new Set<string>(Object.values(BUILT_IN));
  const unknown = used.flatMap((u) => {
    const def = ALL_LISTS.find((l) => l.title === u.list);
    const known = new Set([...builtIns, ...(def?.fields.map((f) => f.name) ?? [])]);
    return [...u.fields.filter((f) => !known.has(f)), ...u.people.filter((p) => !(Object.values(PERSON) as string[]).includes(p))].map((f) => `${u.list}: ${f}`);
  });
  expect(unknown).toEqual([]);
  expect(used.flatMap((u) => u.fields).length).toBeGreaterThan(20);
});
