import fc from 'fast-check';
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { RawRest } from '../matrix/rest';
import { SpHashtagsRepository } from '../../src/data/sp/hashtagsRepository';
import { LISTS, fieldNames } from '../../src/data/schema';
import { checkHashtag, normaliseTag } from '../../src/domain/hashtags';
import type { RegisteredTag } from '../../src/services/ports/hashtags';

// The hashtag register against the emulator: comms register tags, everyone looks them up by their
// NormalisedTag in one indexed query, and nobody else can add, change or remove one.

const F = fieldNames(LISTS.hashtags);
let emu: Emulator;
let rest: RawRest;
const repo = (who: Parameters<typeof person>[0]) => new SpHashtagsRepository(spAs(emu, person(who).upn));
const items = () => `web/lists/getbytitle('${LISTS.hashtags.title}')/items`;

const REGISTER = [
  { tag: '#LibraryWeek', status: 'In use' as const, usedBy: 'Northshire Libraries', evidenceUrl: 'https://example.org/check/1', checkedAt: '2026-02-27T10:00:00Z' },
  { tag: '#L1braryW33k', status: 'Retired' as const, usedBy: 'Libraries 2019' },
  { tag: '#maii', status: 'Proposed' as const, usedBy: 'Post room' },
  { tag: '#BookFest', status: 'In use' as const, usedBy: 'Arts' },
  { tag: '#Ναύπλιο', status: 'Proposed' as const, usedBy: 'Twinning' }
];

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  rest = new RawRest(emu);
  for (const t of REGISTER) await repo('comms').add(t);
});
afterAll(async () => { await emu?.close(); });

const snapshot = async (): Promise<RegisteredTag[]> => repo('comms').list();

it('comms register a tag; its NormalisedTag is worked out by the repository; everyone reads the register', async () => {
  const all = await repo('staff').list();
  expect(all.map((t) => [t.tag, t.normalisedTag, t.status])).toEqual(REGISTER.map((t) => [t.tag, normaliseTag(t.tag), t.status]));
  expect(all[0]).toMatchObject({ usedBy: 'Northshire Libraries', evidenceUrl: 'https://example.org/check/1' });
  expect(Date.parse(all[0].checkedAt!)).toBe(Date.parse('2026-02-27T10:00:00Z'));
  // Created is the server's own, increasing.
  expect(all.map((t) => Date.parse(t.created))).toEqual([...all.map((t) => Date.parse(t.created))].sort((a, b) => a - b));
});

it('the clean check finds near matches through one query on the key, and leaves out collisions that are not', async () => {
  emu.requestLog.clear();
  const candidates = await repo('staff').candidatesFor('#library_week');
  // One request, an equality on the indexed key and nothing else.
  const log = emu.requestLog.all();
  expect(log).toHaveLength(1);
  expect(new URLSearchParams(log[0].path.slice(log[0].path.indexOf('?') + 1)).get('$filter')).toBe(`${F.NormalisedTag} eq 'iibraryweek'`);
  expect(LISTS.hashtags.fields.find((f) => f.name === F.NormalisedTag)!.indexed).toBe(true);
  expect(candidates.map((t) => t.tag).sort()).toEqual(['#L1braryW33k', '#LibraryWeek']);
  const check = checkHashtag('#library_week', candidates);
  expect(check.matches.map((m) => [m.registered.tag, m.comparison])).toEqual([
    ['#L1braryW33k', { kind: 'near', differences: ['case', 'punctuation', 'digits'] }],
    ['#LibraryWeek', { kind: 'near', differences: ['case', 'punctuation'] }]
  ]);
  // #mail shares #maii's key (1, i and l share a class) but is a different tag.
  const mail = await repo('staff').candidatesFor('#mail');
  expect(mail.map((t) => t.tag)).toEqual(['#maii']);
  expect(checkHashtag('#mail', mail).clean).toBe(true);
  expect(checkHashtag('#ΝΑΥΠΛΙΟ', await repo('staff').candidatesFor('#ΝΑΥΠΛΙΟ')).matches.map((m) => m.registered.tag)).toEqual(['#Ναύπλιο']);
});

describe('only comms write the register', () => {
  it('a member of staff cannot add through the repository', async () => {
    await expect(repo('staff').add({ tag: '#MyOwnTag', status: 'In use', usedBy: 'me' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await snapshot()).map((t) => t.tag)).not.toContain('#MyOwnTag');
  });

  it('nor through raw REST: add, change, retire by edit, delete, each plainly and in a $batch; comms read back that nothing changed', async () => {
    const before = await snapshot();
    const target = before.find((t) => t.tag === '#LibraryWeek')!;
    const item = `${items()}(${target.id})`;
    const planted = { Title: '#Planted', [F.Tag]: '#Planted', [F.NormalisedTag]: normaliseTag('#LibraryWeek'), [F.TagStatus]: 'In use' };
    const answers = [
      await rest.send(person('staff').upn, { method: 'POST', path: items(), body: planted }),
      await rest.send(person('staff').upn, { method: 'POST', path: item, body: { [F.TagStatus]: 'Retired' }, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } }),
      await rest.send(person('staff').upn, { method: 'POST', path: item, headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '*' } }),
      ...(await rest.batch(person('staff').upn, [{ method: 'POST', path: items(), body: planted }, { method: 'MERGE', path: item, body: { [F.UsedBy]: 'someone else' }, headers: { 'IF-MATCH': '*' } }]))
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await snapshot()).toEqual(before);
  });
});

// Whatever text reaches the query, it is one escaped literal: the query answers (never a 400 from
// broken syntax) and returns exactly the entries whose key equals that text, as SharePoint compares
// text (without regard to case), never more.
const ODATA = ["'", "''", "' or 1 eq 1 or Tag eq '", "iibraryweek' or NormalisedTag ne '", "x') or (Id gt 0", "maii' or substringof('a',Tag) or 'a' eq 'b", '%27', '$top=1', '\\', '"', 'iibraryweek', 'MAII', 'bookfest'];
const raw = fc.oneof(fc.constantFrom(...ODATA), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.array(fc.constantFrom(...ODATA, 'iibraryweek', ' '), { maxLength: 4 }).map((a) => a.join('')));

it('OData syntax in the key never breaks or widens the query', async () => {
  const all = await snapshot();
  await fc.assert(fc.asyncProperty(raw, async (text) => {
    const found = await repo('staff').candidates(text);
    const expected = all.filter((t) => t.normalisedTag.toLowerCase() === text.toLowerCase()).map((t) => t.id);
    expect([text, found.map((t) => t.id)]).toEqual([text, expected]);
  }), { numRuns: 80 });
});

it('OData syntax in a proposed tag never breaks or widens the query', async () => {
  const all = await snapshot();
  await fc.assert(fc.asyncProperty(fc.oneof(raw, fc.string({ unit: 'binary', maxLength: 20 })), async (tag) => {
    const found = await repo('staff').candidatesFor(tag);
    const key = normaliseTag(tag);
    expect(found.map((t) => t.id)).toEqual(all.filter((t) => t.normalisedTag === key).map((t) => t.id));
  }), { numRuns: 80 });
});
