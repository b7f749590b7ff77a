import { Template } from 'adaptivecards-templating';
import type { AnnouncedRole } from '../ports/emergency';
import { ROLES_CARD_TEMPLATE } from './rolesCardTemplate';

// The roles announcement as an Adaptive Card: the template (rolesCardTemplate.ts) expanded with the
// announcement's data by the Adaptive Cards templating library. Data values are inserted as text;
// the library does not evaluate `${…}` that a role or a name happens to contain. Roles are named by
// comms and people by the directory, so their Markdown (which TextBlocks read) is left as it is.

export interface RolesCardText {
  title: string;
  intro: string;
  person: string;
  backup: string;
  accounts: string;
  /** Shown where a role has nobody. */
  none: string;
  /** Shown where a role covers no account. */
  noAccounts: string;
}

export function rolesCardData(roles: readonly AnnouncedRole[], text: RolesCardText): Record<string, unknown> {
  return {
    title: text.title,
    intro: text.intro,
    labels: { person: text.person, backup: text.backup, accounts: text.accounts },
    roles: roles.map((r) => ({
      role: r.role,
      person: r.person || text.none,
      backup: r.backup || text.none,
      accounts: r.accounts.length ? r.accounts.join(', ') : text.noAccounts
    }))
  };
}

export function buildRolesCard(roles: readonly AnnouncedRole[], text: RolesCardText): Record<string, unknown> {
  return new Template(ROLES_CARD_TEMPLATE).expand({ $root: rolesCardData(roles, text) }) as Record<string, unknown>;
}
