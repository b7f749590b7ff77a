// Who of the policy's audience has confirmed the version in force, and who has not. Pure: the
// directory's people and SharePoint's acknowledgements come in, rows and figures go out.
//
// The two meet on the sign-in name: SharePoint's claims login ends in the person's UPN, which is what
// the directory calls userPrincipalName. The e-mail address is a second key because it can differ
// from the UPN (a renamed person keeps their old address as mail, or the other way round).

export interface AudiencePerson {
  id: string;
  name: string;
  upn: string;
  mail?: string;
  department?: string;
}

export interface Confirmation {
  /** UPN from the author's claims login, when known. */
  login?: string;
  email?: string;
  at: string;
}

export interface KeyRole {
  login: string;
  email?: string;
  roles: ('owner' | 'backup')[];
  accounts: string[];
}

export interface CoverageRow extends AudiencePerson {
  roles: ('owner' | 'backup')[];
  accounts: string[];
  confirmedAt?: string;
}

export interface DepartmentFigure {
  name: string;
  total: number;
  pending: number;
}

export interface AudienceCoverage {
  total: number;
  confirmed: number;
  /** Whole per cent, rounded down: 99.6% shows as 99%, so 100% always means everyone. */
  percent: number;
  /** Owners and backups first, then everyone else; within each, who still has to confirm first, by name. */
  rows: CoverageRow[];
  departments: DepartmentFigure[];
  /** People who confirmed but are not in the audience (guests, leavers, another group). */
  outside: Confirmation[];
}

/** The label used for people the directory gives no department. */
export const NO_DEPARTMENT = '';

const key = (s: string | undefined): string | undefined => (s ? s.trim().toLowerCase() : undefined);

export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part * 100) / whole);
}

export function audienceCoverage(audience: AudiencePerson[], confirmations: Confirmation[], keyRoles: KeyRole[] = []): AudienceCoverage {
  // Earliest confirmation per key, so the date shown is when the person first confirmed this version.
  const byKey = new Map<string, Confirmation>();
  for (const c of [...confirmations].sort((a, b) => a.at.localeCompare(b.at))) {
    for (const k of [key(c.login), key(c.email)]) if (k && !byKey.has(k)) byKey.set(k, c);
  }
  const roleByKey = new Map<string, KeyRole>();
  for (const r of keyRoles) for (const k of [key(r.login), key(r.email)]) if (k) roleByKey.set(k, r);

  const used = new Set<Confirmation>();
  const rows: CoverageRow[] = audience.map((p) => {
    const keys = [key(p.upn), key(p.mail)].filter((k): k is string => !!k);
    const confirmation = keys.map((k) => byKey.get(k)).find(Boolean);
    if (confirmation) used.add(confirmation);
    const role = keys.map((k) => roleByKey.get(k)).find(Boolean);
    return { ...p, department: p.department?.trim() || undefined, roles: role ? [...role.roles] : [], accounts: role ? [...role.accounts] : [], confirmedAt: confirmation?.at };
  });
  rows.sort((a, b) => Number(b.roles.length > 0) - Number(a.roles.length > 0)
    || Number(!!a.confirmedAt) - Number(!!b.confirmedAt)
    || a.name.localeCompare(b.name, 'en-GB')
    || a.upn.localeCompare(b.upn));

  const departments = new Map<string, DepartmentFigure>();
  for (const r of rows) {
    const name = r.department ?? NO_DEPARTMENT;
    const d = departments.get(name) ?? { name, total: 0, pending: 0 };
    d.total++;
    if (!r.confirmedAt) d.pending++;
    departments.set(name, d);
  }
  const confirmed = rows.filter((r) => r.confirmedAt).length;
  // A person can appear under two keys; count each confirmation once.
  const outside = [...new Set(byKey.values())].filter((c) => !used.has(c));
  return {
    total: rows.length,
    confirmed,
    percent: percentOf(confirmed, rows.length),
    rows,
    departments: [...departments.values()].sort((a, b) => (a.name === NO_DEPARTMENT ? 1 : b.name === NO_DEPARTMENT ? -1 : a.name.localeCompare(b.name, 'en-GB'))),
    outside
  };
}

/** Rows of one department ('' for those without one), or every row when department is undefined. */
export function inDepartment(rows: CoverageRow[], department: string | undefined): CoverageRow[] {
  if (department === undefined) return rows;
  return rows.filter((r) => (r.department ?? NO_DEPARTMENT) === department);
}
