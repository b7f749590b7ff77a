import { checkRoleDraft, roleHolders, roleWarnings, withStandardRoles, type EmergencyRole, type HolderStatus, type RolePerson } from '../../../src/domain/emergency';

const ann: RolePerson = { userId: 11, name: 'Ann Lee', email: 'ann@x.org', login: 'ann@x.org' };
const bob: RolePerson = { userId: 12, name: 'Bob Ray', email: 'bob@x.org', login: 'bob@x.org' };
const cy: RolePerson = { userId: 13, name: 'Cy Ode', email: 'cy@x.org', login: 'cy@x.org' };
const di: RolePerson = { userId: 14, name: 'Di Fox', email: 'di@x.org', login: 'di@x.org' };
const role = (id: number, name: string, person?: RolePerson, backup?: RolePerson): EmergencyRole => ({ id, etag: '"1"', role: name, person, backup, accounts: [] });

describe('the standard roles', () => {
  it('shows the five standard roles first, saved or not, then the roles comms added', () => {
    const roles = withStandardRoles([role(7, 'Press liaison', ann), role(3, 'sign off', bob)]);
    expect(roles.map((r) => r.role)).toEqual(['Lead', 'Deputy', 'sign off', 'Monitoring', 'Out of hours', 'Press liaison']);
    expect(roles.find((r) => r.role === 'Lead')!.id).toBe(0);
    expect(roles.find((r) => r.role === 'sign off')!.id).toBe(3);
  });
});

describe('warnings', () => {
  const kinds = (w: ReturnType<typeof roleWarnings>) => w.map((x) => `${x.kind}:${'role' in x ? x.role : x.roles.join('+')}`);

  it('says which roles have no person and which have no backup', () => {
    expect(kinds(roleWarnings([role(1, 'Lead', ann), role(2, 'Deputy', undefined, bob), role(3, 'Monitoring', cy, di)]))).toEqual(['noBackup:Lead', 'noPerson:Deputy']);
  });

  it('flags a person who is their own backup', () => {
    expect(roleWarnings([role(1, 'Monitoring', ann, { ...ann })])).toEqual([{ kind: 'ownBackup', role: 'Monitoring', person: 'Ann Lee' }]);
  });

  it('flags one person in both lead and deputy, as holder or backup, with why', () => {
    const w = roleWarnings([role(1, 'Lead', ann, bob), role(2, 'Deputy', cy, ann)]);
    expect(w).toEqual([{ kind: 'clash', person: 'Ann Lee', roles: ['Lead', 'Deputy'], why: expect.stringContaining('stands in') }]);
  });

  it('flags sign-off and monitoring held by one person, whatever the spelling of the role', () => {
    expect(kinds(roleWarnings([role(1, 'Sign off', ann, bob), role(2, 'MONITORING', ann, cy)]))).toEqual(['clash:Sign off+MONITORING']);
  });

  it('does not flag roles that may share a person (lead and out of hours)', () => {
    expect(roleWarnings([role(1, 'Lead', ann, bob), role(2, 'Out of hours', ann, bob)])).toEqual([]);
  });

  it('names holders the directory reports as disabled or gone, and says in which capacity', () => {
    const status = (login: string): HolderStatus => (login === 'bob@x.org' ? 'disabled' : login === 'cy@x.org' ? 'gone' : 'active');
    expect(roleWarnings([role(1, 'Lead', ann, bob), role(2, 'Monitoring', cy, di)], status)).toEqual([
      { kind: 'left', role: 'Lead', person: 'Bob Ray', as: 'backup', status: 'disabled' },
      { kind: 'left', role: 'Monitoring', person: 'Cy Ode', as: 'person', status: 'gone' }
    ]);
  });

  it('says nothing about people it could not check', () => {
    expect(roleWarnings([role(1, 'Lead', ann, bob)], () => 'unchecked')).toEqual([]);
  });
});

describe('a role as comms type it', () => {
  it('needs a name that no other saved role has, and e-mail addresses that are addresses', () => {
    const others = [role(1, 'Lead', ann), role(0, 'Deputy')];
    expect(checkRoleDraft({ role: ' ', personEmail: '', backupEmail: '', accounts: [] }, others, 0)).toEqual({ ok: false, problems: { role: 'Give the role a name.' } });
    expect(checkRoleDraft({ role: 'LEAD', personEmail: 'x', backupEmail: '', accounts: [] }, others, 5)).toEqual({ ok: false, problems: { role: 'There is already a role with this name.', personEmail: 'This is not an e-mail address.' } });
    // Saving the role under its own name, or a standard role not saved yet, is fine.
    expect(checkRoleDraft({ role: 'Lead', personEmail: '', backupEmail: '', accounts: [] }, others, 1).ok).toBe(true);
    expect(checkRoleDraft({ role: ' Deputy ', personEmail: 'ann@x.org', backupEmail: '', accounts: [3, 3, -1] }, others, 0)).toEqual({ ok: true, value: { role: 'Deputy', personEmail: 'ann@x.org', backupEmail: '', accounts: [3] } });
  });
});

describe('who is told', () => {
  it('lists each holder once with every role they hold', () => {
    expect(roleHolders([role(1, 'Lead', ann, bob), role(2, 'Out of hours', bob)])).toEqual([
      { login: 'ann@x.org', name: 'Ann Lee', roles: ['Lead'] },
      { login: 'bob@x.org', name: 'Bob Ray', roles: ['Lead (backup)', 'Out of hours'] }
    ]);
  });
});
