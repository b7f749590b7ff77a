import { LISTS } from '../src/data/schema';
import { claimsLogin } from './emulator/directory';
import { person, spAs } from './seed';

// The emergency plan of the demo that `npm start` opens: the five usual roles filled the way a
// council might, with one holder who has since left, so the plan shows what a warning looks like.

type Persona = Parameters<typeof person>[0];

const DEMO_ROLES: { role: string; holder: Persona; backup: Persona; councilAccounts: boolean }[] = [
  { role: 'Lead', holder: 'commsHead', backup: 'comms', councilAccounts: true },
  { role: 'Deputy', holder: 'owner', backup: 'siteOwner', councilAccounts: true },
  { role: 'Sign-off', holder: 'comms', backup: 'commsHead', councilAccounts: false },
  { role: 'Monitoring', holder: 'staff', backup: 'backup', councilAccounts: true },
  { role: 'Out of hours', holder: 'leaver', backup: 'owner', councilAccounts: false }
];

export async function seedDemoEmergencyPlan(siteUrl: string): Promise<void> {
  const owner = spAs(siteUrl, person('siteOwner').upn);
  const idOf = async (p: Persona): Promise<number> => (await owner.web.ensureUser(claimsLogin(person(p).upn))).Id;
  const council = await owner.web.lists.getByTitle(LISTS.accounts.title).items.filter("Title eq 'Northshire Council'").select('Id').top(20)<{ Id: number }[]>();
  const roles = owner.web.lists.getByTitle(LISTS.emergencyRoles.title).items;
  for (const r of DEMO_ROLES) {
    await roles.add({
      Title: r.role, Role: r.role, PersonId: await idOf(r.holder), BackupPersonId: await idOf(r.backup),
      AccountsCovered: JSON.stringify(r.councilAccounts ? council.map((a) => a.Id) : [])
    });
  }
}
