// The matrix table itself (src/data/schema/matrix.ts), read as the spec of PRODUCT.md §3: complete,
// well formed, and holding the rules the product promises whatever the emulator does.
import {
  MATRIX_LISTS, MATRIX_ROLES, MATRIX_VERBS, NOT_APPLICABLE, expectedOutcome, matrixCells, matrixRow
} from '../../src/data/schema/matrix';

const APPEND_ONLY = ['policyVersions', 'acknowledgements', 'accountUpdates', 'requests', 'reviews', 'decisions',
  'monthlyReports', 'credentials', 'vaultPublicKeys', 'vaultPrivateKeys', 'activity', 'notifications'] as const;
const notOwner = MATRIX_ROLES.filter((r) => r !== 'siteOwner');

test('one outcome for every role × list × verb (the 16 lists of the design)', () => {
  expect(MATRIX_LISTS).toHaveLength(17);
  expect(matrixCells()).toHaveLength(MATRIX_ROLES.length * MATRIX_LISTS.length * MATRIX_VERBS.length);
  for (const role of MATRIX_ROLES) for (const list of MATRIX_LISTS) expect(matrixRow(role, list)).toMatch(/^[a\-opn.]{10}$/);
});

test('n/a only where a reason says why the verb cannot apply, and every reason is used', () => {
  for (const c of matrixCells().filter((x) => x.expected === 'n/a')) expect(NOT_APPLICABLE[c.role]?.[c.verb]).toMatch(/\w/);
  for (const [role, verbs] of Object.entries(NOT_APPLICABLE)) {
    for (const verb of Object.keys(verbs ?? {})) {
      expect(MATRIX_LISTS.every((l) => expectedOutcome(role as never, l, verb as never) === 'n/a')).toBe(true);
    }
  }
});

test('append-only lists: below site owner nobody updates or deletes anything, their own records included', () => {
  for (const role of notOwner) {
    for (const list of APPEND_ONLY) {
      for (const verb of ['updateOwn', 'updateOthers', 'deleteOwn', 'deleteOthers'] as const) {
        expect([role, list, verb, expectedOutcome(role, list, verb)]).toEqual([role, list, verb, expect.stringMatching(/^(refused|n\/a)$/)]);
      }
    }
  }
});

test('only site owners change a list or its columns; permissions only where writers open items to requesters', () => {
  for (const role of notOwner) {
    for (const list of MATRIX_LISTS) {
      expect(expectedOutcome(role, list, 'addField')).toBe('refused');
      expect(expectedOutcome(role, list, 'changeSettings')).toBe('refused');
      const mayShare = (role === 'commsOfficer' && list === 'reviews') || (role === 'commsHead' && list === 'decisions');
      expect([role, list, expectedOutcome(role, list, 'changePermissions')]).toEqual([role, list, mayShare ? 'allowed' : 'refused']);
    }
  }
});

test('a leaver and someone unknown do nothing at all', () => {
  for (const c of matrixCells().filter((x) => x.role === 'leaver' || x.role === 'unknown')) expect(c.expected).toMatch(/^(refused|n\/a)$/);
});

test('records that prove something count only from the entitled author', () => {
  // Staff who own no account: written, not counted.
  for (const list of ['accountUpdates', 'monthlyReports', 'credentials'] as const) expect(expectedOutcome('staff', list, 'add')).toBe('allowed-not-counted');
  for (const list of ['accountUpdates', 'monthlyReports', 'credentials'] as const) {
    expect(expectedOutcome('accountOwner', list, 'add')).toBe('allowed');
    expect(expectedOutcome('backup', list, 'add')).toBe('allowed');
  }
  // Comms' word counts for updates and credentials, never for an account's monthly report.
  expect(expectedOutcome('commsOfficer', 'credentials', 'add')).toBe('allowed');
  expect(expectedOutcome('commsOfficer', 'monthlyReports', 'add')).toBe('allowed-not-counted');
  // Requests: staff see their own only; comms and heads read all and change nothing.
  expect(expectedOutcome('staff', 'requests', 'readAll')).toBe('own');
  for (const r of ['commsOfficer', 'commsHead'] as const) {
    expect(expectedOutcome(r, 'requests', 'readAll')).toBe('allowed');
    expect(expectedOutcome(r, 'requests', 'updateOthers')).toBe('refused');
    expect(expectedOutcome(r, 'requests', 'deleteOthers')).toBe('refused');
  }
  // Reviews and decisions: the requester sees those opened to them, nobody else's.
  for (const list of ['reviews', 'decisions'] as const) {
    expect(expectedOutcome('staff', list, 'readAll')).toBe('opened');
    expect(expectedOutcome('staff', list, 'readOthers')).toBe('refused');
  }
  // Private vault keys: own only, for comms; nobody else sees any.
  expect(expectedOutcome('commsOfficer', 'vaultPrivateKeys', 'readAll')).toBe('own');
  expect(expectedOutcome('commsHead', 'vaultPrivateKeys', 'readAll')).toBe('refused');
});
