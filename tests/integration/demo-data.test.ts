import { startEmulator, type Emulator } from '../../workbench/emulator';
import { seedDemoSite } from '../support/site';
import { seedDemoRequests } from '../../workbench/seed-requests';
import { seedDemoEmergencyPlan } from '../../workbench/seed-emergency';
import { SpEmergencyRoles } from '../../src/data/sp/emergencyRoles';
import { roleWarnings, withStandardRoles } from '../../src/domain/emergency';
import { spAs, person } from '../support/emulator-sharepoint';
import { SpRequestsRepository } from '../../src/data/sp/requestsRepository';
import { requestState } from '../../src/domain/trust';

// The demo `npm start` opens has work waiting in every part of the review queue; the requests pass
// the forms' own checks (a paid campaign's dates stay in the future whenever the demo is started).
// Its emergency plan is filled, with one holder who has left, which is its only warning.

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  await seedDemoRequests(emu.siteUrl);
  await seedDemoEmergencyPlan(emu.siteUrl);
});
afterAll(async () => { await emu?.close(); });

it('leaves one request to review, one for the head to decide and one with its requester', async () => {
  const sp = spAs(emu, person('commsHead').upn);
  const me = (await sp.web.currentUser.select('Id')<{ Id: number }>()).Id;
  const { comms, commsHeads, ...records } = await new SpRequestsRepository(sp, async () => me).queue();
  const originals = records.requests.filter((r) => r.revisionOf === undefined);
  const statuses = originals.map((r) => requestState(r.id, { ...records, comms, commsHeads })?.status).sort();
  expect(statuses).toEqual(['awaiting-decision', 'more-information', 'submitted']);
  // Each request is its requester's own: SharePoint's Author, not the seeding account.
  const authors = new Set(originals.map((r) => r.authorId));
  expect(authors.size).toBe(3);
});

it("fills the emergency plan's five roles, the leaver's being the one warning", async () => {
  const roles = await new SpEmergencyRoles(spAs(emu, person('staff').upn)).roles();
  expect(withStandardRoles(roles).map((r) => [r.role, r.person?.name, r.backup?.name])).toEqual([
    ['Lead', person('commsHead').displayName, person('comms').displayName],
    ['Deputy', person('owner').displayName, person('siteOwner').displayName],
    ['Sign-off', person('comms').displayName, person('commsHead').displayName],
    ['Monitoring', person('staff').displayName, person('backup').displayName],
    ['Out of hours', person('leaver').displayName, person('owner').displayName]
  ]);
  expect(roles.find((r) => r.role === 'Lead')?.accounts.length).toBeGreaterThan(0);
  const left = person('leaver').upn.toLowerCase();
  const warnings = roleWarnings(roles, (login) => (login.toLowerCase() === left ? 'disabled' : 'active'));
  expect(warnings).toEqual([{ kind: 'left', role: 'Out of hours', person: person('leaver').displayName, as: 'person', status: 'disabled' }]);
});
