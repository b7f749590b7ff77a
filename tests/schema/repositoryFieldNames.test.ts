import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_LISTS, BUILT_IN, PERSON } from '../../src/data/schema';

// The schema is the only place field and choice names are spelt (issue 6): a repository that wrote
// 'PolicyMajor' by hand would keep compiling after the schema renamed it, and fail only in SharePoint.

const DIR = join(__dirname, '..', '..', 'src', 'data', 'sp');
const REPOSITORIES = readdirSync(DIR).filter((f) => /Repository\.ts$|^(activityLog|notificationReports|groupMembership)\.ts$/.test(f));

const fieldNames = new Set<string>([...ALL_LISTS.flatMap((l) => l.fields.map((f) => f.name)), ...Object.values(BUILT_IN), ...Object.values(PERSON)]);
const choiceValues = new Set<string>(ALL_LISTS.flatMap((l) => l.fields.flatMap((f) => [...(f.choices ?? [])])));

/** The static text of every string and template literal outside comments. */
function literals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');
  const out: string[] = [];
  for (const m of code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const text = m[1] ?? m[2] ?? m[3] ?? '';
    out.push(...(m[3] !== undefined ? text.split(/\$\{[^}]*\}/) : [text]));
  }
  return out;
}

/** Literals that spell a field or choice: the name itself, or inside a filter, select path or expand. */
function spelt(source: string): string[] {
  return literals(source).filter((text) => fieldNames.has(text) || choiceValues.has(text)
    || text.split(/[\s/,()]+/).some((word) => word.length > 1 && fieldNames.has(word)));
}

describe('repositories read field and choice names from the schema', () => {
  it('finds the repositories', () => {
    expect(REPOSITORIES).toEqual(expect.arrayContaining(['acknowledgementRepository.ts', 'policyRepository.ts', 'accountsRepository.ts', 'settingsRepository.ts', 'notificationReports.ts', 'activityLog.ts', 'groupMembership.ts']));
  });

  it('spots a hand-written field name, filter, select path or choice (the check can fail)', () => {
    expect(literals("x.select('Id', 'PolicyMajor') // 'Created' in a comment")).toEqual(['Id', 'PolicyMajor']);
    expect(spelt("x.select('Id', 'PolicyMajor', 'Author/Title') // 'Created' in a comment")).toEqual(['Id', 'PolicyMajor', 'Author/Title']);
    expect(spelt('q.filter(`AuthorId eq ${id} and Status eq ${s}`).add({ Status: \'Published\' })')).toEqual(['AuthorId eq ', ' and Status eq ', 'Published']);
    expect(spelt("SPQueryable(web, 'EffectiveBasePermissions'); add({ [F.Title]: `Acknowledged version ${label}` })")).toEqual([]);
  });

  it.each(REPOSITORIES)('%s spells no field or choice name itself', (file) => {
    expect(spelt(readFileSync(join(DIR, file), 'utf8'))).toEqual([]);
  });
});
