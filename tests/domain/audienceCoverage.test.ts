import fc from 'fast-check';
import { audienceCoverage, inDepartment, percentOf, type AudiencePerson, type Confirmation } from '../../src/domain/coverage';

const p = (n: number, extra: Partial<AudiencePerson> = {}): AudiencePerson => ({ id: `id-${n}`, name: `Person ${n}`, upn: `p${n}@example.org`, ...extra });
// Confirmations arrive with SharePoint's own, always increasing, times.
const at = (n: number) => new Date(Date.UTC(2026, 10, 1, 9, 0, n)).toISOString();

describe('coverage of the audience', () => {
  it('matches on the sign-in name or the e-mail address, whichever SharePoint gave, ignoring case', () => {
    const audience = [p(1), p(2, { mail: 'renamed@example.org' }), p(3)];
    const result = audienceCoverage(audience, [{ login: 'P1@EXAMPLE.ORG', at: at(1) }, { email: 'renamed@example.org', at: at(2) }]);
    expect(result.rows.filter((r) => r.confirmedAt).map((r) => r.id).sort()).toEqual(['id-1', 'id-2']);
    expect([result.confirmed, result.total, result.percent]).toEqual([2, 3, 66]);
    expect(result.outside).toEqual([]);
  });

  it('shows the first confirmation of a person who confirmed twice, and counts them once', () => {
    const result = audienceCoverage([p(1)], [{ login: 'p1@example.org', at: at(5) }, { login: 'p1@example.org', email: 'p1@example.org', at: at(2) }]);
    expect(result.rows[0].confirmedAt).toBe(at(2));
    expect(result.confirmed).toBe(1);
    // The later one is the same person again, not someone outside the audience.
    expect(result.outside).toEqual([]);
  });

  it('puts owners and backups first, then who still has to confirm, by name', () => {
    const audience = [p(1, { name: 'Zoe' }), p(2, { name: 'Adam' }), p(3, { name: 'Olivia' }), p(4, { name: 'Ben' })];
    const result = audienceCoverage(audience, [{ login: 'p2@example.org', at: at(1) }, { login: 'p3@example.org', at: at(2) }], [
      { login: 'p3@example.org', roles: ['owner'], accounts: ['Libraries'] }, { login: 'p4@example.org', roles: ['backup'], accounts: ['Libraries'] }
    ]);
    expect(result.rows.map((r) => r.name)).toEqual(['Ben', 'Olivia', 'Zoe', 'Adam']);
    expect(result.rows[1]).toMatchObject({ roles: ['owner'], accounts: ['Libraries'], confirmedAt: at(2) });
  });

  it('counts people by department, with those without one last, and filters by it', () => {
    const audience = [p(1, { department: 'Waste' }), p(2, { department: 'Housing' }), p(3, { department: ' ' }), p(4, { department: 'Housing' })];
    const result = audienceCoverage(audience, [{ login: 'p2@example.org', at: at(1) }]);
    expect(result.departments).toEqual([{ name: 'Housing', total: 2, pending: 1 }, { name: 'Waste', total: 1, pending: 1 }, { name: '', total: 1, pending: 1 }]);
    expect(inDepartment(result.rows, 'Housing').map((r) => r.id).sort()).toEqual(['id-2', 'id-4']);
    expect(inDepartment(result.rows, '').map((r) => r.id)).toEqual(['id-3']);
    expect(inDepartment(result.rows, undefined)).toHaveLength(4);
  });

  it('rounds the percentage down, so 100% always means everyone', () => {
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('for any audience and confirmations: every person once, figures that add up, nobody confirmed without a matching confirmation', () => {
    const people = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }).map((ns) => ns.map((n) => p(n, { department: ['A', 'B', undefined][n % 3] })));
    const confirmations = fc.array(fc.record({ n: fc.integer({ min: 0, max: 80 }), t: fc.integer({ min: 0, max: 1000 }), byMail: fc.boolean() }), { maxLength: 60 })
      .map((cs) => cs.map((c): Confirmation => (c.byMail ? { email: `P${c.n}@example.org`, at: at(c.t) } : { login: `p${c.n}@example.org`, at: at(c.t) })));
    fc.assert(fc.property(people, confirmations, (audience, confs) => {
      const r = audienceCoverage(audience, confs);
      expect(r.total).toBe(audience.length);
      expect(new Set(r.rows.map((x) => x.id)).size).toBe(audience.length);
      expect(r.departments.reduce((s, d) => s + d.total, 0)).toBe(r.total);
      expect(r.departments.reduce((s, d) => s + d.pending, 0)).toBe(r.total - r.confirmed);
      expect(r.percent === 100).toBe(r.total > 0 && r.confirmed === r.total);
      const confirmedKeys = new Set(confs.map((c) => (c.login ?? c.email)!.toLowerCase()));
      for (const row of r.rows) expect(!!row.confirmedAt).toBe(confirmedKeys.has(row.upn));
    }));
  });
});
