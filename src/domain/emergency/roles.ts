// The social media roles of the emergency plan (PRODUCT.md C8), as pure data and rules: which roles
// there are, what a role needs to count as filled, which roles one person should not hold together,
// and what the directory says about the people named. No I/O: the service brings the list items and
// the directory's answers.

/** Someone named in a role, as SharePoint's User field gives them. */
export interface RolePerson {
  /** Hub (site) user id. */
  userId: number;
  name: string;
  email: string;
  /** Sign-in name (UPN): what the directory and Teams address people by. */
  login: string;
}

export interface EmergencyRole {
  /** List item id; 0 for a standard role nobody has saved yet. */
  id: number;
  /** The item's ETag as read, for the next save's If-Match; '' when not saved yet. */
  etag: string;
  role: string;
  person?: RolePerson;
  backup?: RolePerson;
  /** Register account ids this role covers. */
  accounts: number[];
}

/** The roles every plan has, in the order people read them; comms add others. */
export const STANDARD_ROLES = ['Lead', 'Deputy', 'Sign-off', 'Monitoring', 'Out of hours'] as const;

export const ROLE_NAME_MAX = 255;

/** A role's name as rules compare it: case, spaces and punctuation do not matter ("Sign off" = "sign-off"). */
export function roleKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * Roles one person should not hold together, and why. The plan exists so that social media keeps
 * running when someone is unavailable or wrong; a pair here is one where holding both removes that.
 */
export const CLASHING_ROLES: readonly { roles: readonly [string, string]; why: string }[] = [
  // The deputy exists to act when the lead cannot: one person in both leaves nobody when they are away.
  { roles: ['lead', 'deputy'], why: 'the deputy stands in when the lead cannot, so they must be two people' },
  // Sign-off is the second pair of eyes on what monitoring drafts in reply: approving one's own words is no check.
  { roles: ['signoff', 'monitoring'], why: 'sign-off checks what monitoring drafts in reply, so one person cannot check their own words' }
];

/** What the directory says about a person named in a role. */
export type HolderStatus = 'active' | 'disabled' | 'gone' | 'unchecked';

export type RoleWarning =
  | { kind: 'noPerson'; role: string }
  | { kind: 'noBackup'; role: string }
  | { kind: 'ownBackup'; role: string; person: string }
  | { kind: 'clash'; person: string; roles: [string, string]; why: string }
  | { kind: 'left'; role: string; person: string; as: 'person' | 'backup'; status: 'disabled' | 'gone' };

const samePerson = (a?: RolePerson, b?: RolePerson): boolean => !!a && !!b && (a.userId === b.userId || a.login.toLowerCase() === b.login.toLowerCase());

/** Saved roles with the standard ones nobody has saved yet (as unfilled placeholders), standard first. */
export function withStandardRoles(saved: readonly EmergencyRole[]): EmergencyRole[] {
  const byKey = new Map(saved.map((r) => [roleKey(r.role), r]));
  const standard = STANDARD_ROLES.map((name) => byKey.get(roleKey(name)) ?? { id: 0, etag: '', role: name, accounts: [] });
  const standardKeys = new Set(STANDARD_ROLES.map(roleKey));
  const others = saved.filter((r) => !standardKeys.has(roleKey(r.role))).sort((a, b) => a.id - b.id);
  return [...standard, ...others];
}

/**
 * Everything comms should put right before an emergency: roles without a person or a backup, a
 * person who is their own backup, one person in two roles that must be held by two people (as holder
 * or backup of either), and anyone named whom the directory reports as disabled or unknown.
 */
export function roleWarnings(roles: readonly EmergencyRole[], statusOf: (login: string) => HolderStatus = () => 'unchecked'): RoleWarning[] {
  const warnings: RoleWarning[] = [];
  for (const r of roles) {
    if (!r.person) warnings.push({ kind: 'noPerson', role: r.role });
    if (!r.backup) warnings.push({ kind: 'noBackup', role: r.role });
    if (samePerson(r.person, r.backup)) warnings.push({ kind: 'ownBackup', role: r.role, person: r.person!.name });
    for (const [who, as] of [[r.person, 'person'], [r.backup, 'backup']] as const) {
      if (!who) continue;
      const status = statusOf(who.login);
      if (status === 'disabled' || status === 'gone') warnings.push({ kind: 'left', role: r.role, person: who.name, as, status });
    }
  }
  for (const pair of CLASHING_ROLES) {
    const [a, b] = pair.roles.map((k) => roles.filter((r) => roleKey(r.role) === k));
    const reported = new Set<number>();
    for (const ra of a) {
      for (const rb of b) {
        for (const pa of [ra.person, ra.backup]) {
          for (const pb of [rb.person, rb.backup]) {
            if (!samePerson(pa, pb) || reported.has(pa!.userId)) continue;
            reported.add(pa!.userId);
            warnings.push({ kind: 'clash', person: pa!.name, roles: [ra.role, rb.role], why: pair.why });
          }
        }
      }
    }
  }
  return warnings;
}

/** A role as comms type it. */
export interface RoleDraft {
  role: string;
  personEmail: string;
  backupEmail: string;
  accounts: number[];
}

export type RoleDraftField = 'role' | 'personEmail' | 'backupEmail';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a draft against the other roles (by id): a name is required and unique, e-mails well formed. */
export function checkRoleDraft(draft: RoleDraft, others: readonly EmergencyRole[], id: number): { ok: true; value: RoleDraft } | { ok: false; problems: Partial<Record<RoleDraftField, string>> } {
  const problems: Partial<Record<RoleDraftField, string>> = {};
  const role = draft.role.trim().replace(/\s+/g, ' ');
  if (!role) problems.role = 'Give the role a name.';
  else if (role.length > ROLE_NAME_MAX) problems.role = `Keep the name to ${ROLE_NAME_MAX} characters.`;
  else if (others.some((o) => o.id !== id && o.id !== 0 && roleKey(o.role) === roleKey(role))) problems.role = 'There is already a role with this name.';
  const personEmail = draft.personEmail.trim();
  const backupEmail = draft.backupEmail.trim();
  if (personEmail && !EMAIL.test(personEmail)) problems.personEmail = 'This is not an e-mail address.';
  if (backupEmail && !EMAIL.test(backupEmail)) problems.backupEmail = 'This is not an e-mail address.';
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, value: { role, personEmail, backupEmail, accounts: [...new Set(draft.accounts.filter((n) => Number.isInteger(n) && n > 0))] } };
}

/** Everyone to tell when the roles are announced: each holder and backup once, by sign-in name. */
export function roleHolders(roles: readonly EmergencyRole[]): { login: string; name: string; roles: string[] }[] {
  const byLogin = new Map<string, { login: string; name: string; roles: string[] }>();
  for (const r of roles) {
    for (const [who, label] of [[r.person, r.role], [r.backup, `${r.role} (backup)`]] as const) {
      if (!who?.login) continue;
      const key = who.login.toLowerCase();
      const entry = byLogin.get(key) ?? { login: who.login, name: who.name, roles: [] };
      entry.roles.push(label);
      byLogin.set(key, entry);
    }
  }
  return [...byLogin.values()];
}
