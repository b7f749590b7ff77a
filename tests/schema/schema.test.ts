import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_LISTS, LISTS, RETIRED_LISTS, ROLE_DEFINITIONS, type ListKey } from '../../src/data/schema';
import { provisioningTemplateXml, TEMPLATE_PATH } from '../../scripts/provisioning-template';

describe('schema', () => {
  it('holds every list of PRODUCT.md §3, and the comms-only delivery reports', () => {
    expect(Object.keys(LISTS).sort()).toEqual([
      'accountUpdates', 'accounts', 'acknowledgements', 'activity', 'credentials', 'decisions', 'emergencyRoles', 'hashtags',
      'importRuns', 'monthlyReports', 'notifications', 'policyVersions', 'requests', 'reviews', 'settings', 'vaultPrivateKeys', 'vaultPublicKeys'
    ]);
    expect(RETIRED_LISTS.map((r) => r.title)).toEqual(['SMH Vault Keys']);
    expect(ALL_LISTS.map((l) => l.title)).not.toContain('SMH Vault Keys');
  });

  it.each(ALL_LISTS.map((l) => [l.title, l] as const))('%s: unique fields are indexed, at most 20 indexes, names unique', (_t, l) => {
    const names = l.fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of l.fields) {
      if (f.unique) expect(f.indexed).toBe(true);
      expect(f.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      if (f.kind === 'Choice') expect(f.choices?.length).toBeGreaterThan(0);
      if (f.kind === 'Text') expect(f.maxLength ?? 255).toBeLessThanOrEqual(255);
    }
    const indexes = l.fields.filter((f) => f.indexed).length + (l.indexedBuiltIns?.length ?? 0);
    expect(indexes).toBeLessThanOrEqual(20);
  });

  it('gives the site owners full control of every list, and every role it names exists', () => {
    for (const l of ALL_LISTS) {
      expect(l.permissions).toContainEqual({ principal: 'owners', role: 'fullControl' });
      for (const p of l.permissions) expect(ROLE_DEFINITIONS.map((r) => r.role)).toContain(p.role);
    }
  });

  it('keeps secrets and decisions away from everyone', () => {
    const everyone = (key: keyof typeof LISTS) => LISTS[key].permissions.filter((p) => p.principal === 'everyone').map((p) => p.role);
    expect(everyone('vaultPrivateKeys')).toEqual([]);
    expect(LISTS.vaultPrivateKeys.permissions.map((p) => p.role)).not.toContain('readAll');
    expect(everyone('decisions')).toEqual([]);
    expect(everyone('reviews')).toEqual([]);
    // Everyone may add credentials for their accounts but only read their own entries.
    expect(everyone('credentials')).toEqual(['addOwn']);
    expect(LISTS.credentials.readSecurity).toBe(2);
    expect(LISTS.acknowledgements.readSecurity).toBe(2);
  });

  it('custom roles are Read plus only the rights they are named for', () => {
    const read = { High: 0xb0, Low: 0x8431061 };
    const extra = Object.fromEntries(ROLE_DEFINITIONS.filter((r) => r.basePermissions).map((r) => [r.role, { High: r.basePermissions!.High - read.High, Low: r.basePermissions!.Low - read.Low }]));
    expect(extra).toEqual({
      addOwn: { High: 0, Low: 0x2 },
      readAll: { High: 0, Low: 0x100 },
      // Add items, Manage Permissions (0x2000000) and Enumerate Permissions (bit 62): no edit, no delete.
      addAndShare: { High: 0x40000000, Low: 0x2 | 0x2000000 }
    });
  });

  // The trust model v2 table (lists, R/W, permissions besides the owners' full control), as designed.
  const MODEL: Record<ListKey, [1 | 2, string[]]> = {
    policyVersions: [1, ['everyone:read', 'comms:addOwn']],
    acknowledgements: [2, ['everyone:addOwn', 'comms:readAll', 'commsHeads:readAll']],
    accounts: [1, ['everyone:read', 'comms:contribute']],
    importRuns: [1, ['everyone:read', 'comms:contribute']],
    accountUpdates: [1, ['everyone:addOwn']],
    requests: [2, ['everyone:addOwn', 'comms:readAll', 'commsHeads:readAll']],
    reviews: [1, ['comms:addAndShare', 'commsHeads:read']],
    decisions: [1, ['commsHeads:addAndShare', 'comms:read']],
    monthlyReports: [2, ['everyone:addOwn', 'comms:readAll', 'commsHeads:readAll']],
    credentials: [2, ['everyone:addOwn', 'comms:readAll']],
    vaultPublicKeys: [1, ['everyone:read', 'comms:addOwn']],
    vaultPrivateKeys: [2, ['comms:addOwn']],
    hashtags: [1, ['everyone:read', 'comms:contribute']],
    emergencyRoles: [1, ['everyone:read', 'comms:contribute']],
    activity: [2, ['everyone:addOwn', 'comms:readAll', 'commsHeads:readAll']],
    notifications: [1, ['comms:addOwn', 'commsHeads:read']],
    settings: [1, ['everyone:read']]
  };

  it.each(Object.entries(MODEL))('%s has the trust model\'s item security and permissions', (key, [security, perms]) => {
    const l = LISTS[key as ListKey] as { readSecurity?: number; writeSecurity?: number; permissions: readonly { principal: string; role: string }[] };
    expect([l.readSecurity ?? 1, l.writeSecurity ?? 1]).toEqual([security, security]);
    expect(l.permissions.map((p) => `${p.principal}:${p.role}`).sort()).toEqual(['owners:fullControl', ...perms].sort());
  });

  it('nobody holds read-all and an edit right on the same list', () => {
    for (const l of ALL_LISTS) {
      const readAll = l.permissions.filter((p) => p.role === 'readAll').map((p) => p.principal);
      const edits = l.permissions.filter((p) => ['contribute', 'edit'].includes(p.role)).map((p) => p.principal);
      expect(readAll.filter((p) => edits.includes(p))).toEqual([]);
    }
  });

  it('no unique column on a read-own list, and every client-made id is indexed and not unique', () => {
    for (const l of ALL_LISTS) {
      if (l.readSecurity === 2) expect(l.fields.filter((f) => f.unique).map((f) => f.name)).toEqual([]);
      const id = l.fields.find((f) => f.name === 'SubmissionId');
      if (id) expect(id).toMatchObject({ indexed: true });
      if (id) expect(id.unique).toBeFalsy();
    }
    for (const key of ['accountUpdates', 'requests', 'reviews', 'decisions', 'monthlyReports', 'credentials', 'notifications'] as const) {
      expect(LISTS[key].fields.map((f) => f.name)).toContain('SubmissionId');
    }
  });

  it('vault public keys have no member field: a key belongs to its author', () => {
    expect(LISTS.vaultPublicKeys.fields.filter((f) => f.kind === 'User')).toEqual([]);
    expect(LISTS.vaultPrivateKeys.fields.filter((f) => f.kind === 'User')).toEqual([]);
  });
});

describe('provisioning template', () => {
  it('is generated from the schema and committed up to date (run `npm run provisioning`)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', TEMPLATE_PATH), 'utf8');
    expect(committed).toBe(provisioningTemplateXml());
  });

  it('names every list and field of the schema', () => {
    const xml = provisioningTemplateXml();
    for (const l of ALL_LISTS) {
      expect(xml).toContain(`Title="${l.title}"`);
      for (const f of l.fields) expect(xml).toContain(`Name="${f.name}"`);
    }
  });
});
