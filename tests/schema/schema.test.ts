import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_LISTS, LISTS, ROLE_DEFINITIONS } from '../../src/data/schema';
import { provisioningTemplateXml, TEMPLATE_PATH } from '../../scripts/provisioning-template';

describe('schema', () => {
  it('holds every list of PRODUCT.md §3, and the comms-only delivery reports', () => {
    expect(Object.keys(LISTS).sort()).toEqual([
      'accounts', 'acknowledgements', 'activity', 'credentials', 'decisions', 'emergencyRoles', 'hashtags',
      'monthlyReports', 'notifications', 'policyVersions', 'requests', 'reviews', 'settings', 'vaultKeys'
    ]);
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
    expect(everyone('vaultKeys')).toEqual([]);
    expect(everyone('decisions')).toEqual([]);
    expect(everyone('reviews')).toEqual([]);
    // Everyone may add credentials for their accounts but only read their own entries.
    expect(everyone('credentials')).toEqual(['addOwn']);
    expect(LISTS.credentials.readSecurity).toBe(2);
    expect(LISTS.acknowledgements.readSecurity).toBe(2);
  });

  it('custom roles are Read plus exactly one extra right', () => {
    const read = 0x8431061;
    const custom = ROLE_DEFINITIONS.filter((r) => r.basePermissions);
    expect(custom.map((r) => r.basePermissions!.Low - read)).toEqual([0x2, 0x100]);
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
