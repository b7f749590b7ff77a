import { startEmulator, type Emulator } from '../../workbench/emulator';
import { spAs, person } from '../support/emulator-sharepoint';
import { seedDemoSite } from '../support/site';
import { RawRest } from '../matrix/rest';
import { SpHashtagsRepository } from '../../src/data/sp/hashtagsRepository';
import { HashtagRegisterService } from '../../src/services/hashtagRegisterService';
import { LISTS, fieldNames } from '../../src/data/schema';

// Comms keep the register of hashtags through the real PnPjs repository against the emulator: a tag
// is added only after the clean check (exact matches and retired tags refused with the check's own
// message), a status change carries the ETag, and staff can change nothing.

const F = fieldNames(LISTS.hashtags);
let emu: Emulator;
let rest: RawRest;
type Who = Parameters<typeof person>[0];
const service = (who: Who) => new HashtagRegisterService(new SpHashtagsRepository(spAs(emu, person(who).upn)));

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  await seedDemoSite(emu);
  rest = new RawRest(emu);
  const comms = new SpHashtagsRepository(spAs(emu, person('comms').upn));
  await comms.add({ tag: '#GritterWatch', status: 'In use', usedBy: 'Highways' });
  await comms.add({ tag: '#OldFestival', status: 'Retired', usedBy: 'Culture 2019' });
});
afterAll(async () => { await emu?.close(); });

const byTag = async (tag: string) => (await service('comms').list()).find((t) => t.tag === tag);

it('SharePoint lets comms edit the register and not staff', async () => {
  expect(await service('comms').canEdit()).toBe(true);
  expect(await service('staff').canEdit()).toBe(false);
});

it('comms add a clean tag; everyone reads it', async () => {
  const outcome = await service('comms').add({ tag: '#NorthshireInBloom', usedBy: 'Parks', status: 'Proposed' });
  expect(outcome).toMatchObject({ kind: 'added', tag: { tag: '#NorthshireInBloom', status: 'Proposed', usedBy: 'Parks' } });
  expect(await byTag('#NorthshireInBloom')).toMatchObject({ status: 'Proposed', usedBy: 'Parks' });
  expect((await service('staff').list()).map((t) => t.tag)).toContain('#NorthshireInBloom');
});

it('an exact match and a retired tag are refused with the clean check\'s message, and nothing is added', async () => {
  const before = (await service('comms').list()).length;
  const exact = await service('comms').add({ tag: '#GritterWatch', usedBy: 'Roads', status: 'Proposed' });
  expect(exact).toMatchObject({ kind: 'refused', matches: [{ message: '#GritterWatch is already in use by Highways. Choose a new hashtag, or ask comms whether this one can be shared.' }] });
  const retired = await service('comms').add({ tag: '#0ldFestival', usedBy: 'Culture', status: 'Proposed' });
  expect(retired).toMatchObject({ kind: 'refused', matches: [{ registered: { tag: '#OldFestival' }, message: expect.stringMatching(/a hashtag we retired/) }] });
  const invalid = await service('comms').add({ tag: 'Gritter Watch', usedBy: 'Roads', status: 'Proposed' });
  expect(invalid).toMatchObject({ kind: 'invalid', field: 'tag', message: expect.stringMatching(/^Start the hashtag with #/) });
  expect((await service('comms').list()).length).toBe(before);
});

it('a near match of a tag in use needs comms to confirm; then it is added', async () => {
  const near = await service('comms').add({ tag: '#gritter_watch', usedBy: 'Roads', status: 'Proposed' });
  expect(near).toMatchObject({ kind: 'near', matches: [{ registered: { tag: '#GritterWatch' } }] });
  expect(await byTag('#gritter_watch')).toBeUndefined();
  expect(await service('comms').add({ tag: '#gritter_watch', usedBy: 'Roads', status: 'Proposed' }, true)).toMatchObject({ kind: 'added' });
});

it('two comms people change one tag at once: the first wins, the second is told and shown the tag as it is now', async () => {
  const chrisRead = (await byTag('#NorthshireInBloom'))!;
  const hannahRead = (await service('commsHead').list()).find((t) => t.id === chrisRead.id)!;
  expect(await service('comms').setStatus(chrisRead, 'Retired')).toMatchObject({ kind: 'saved', tag: { status: 'Retired' } });
  const second = await service('commsHead').setStatus(hannahRead, 'In use');
  expect(second).toMatchObject({ kind: 'conflict', current: { id: chrisRead.id, status: 'Retired' } });
  expect((await byTag('#NorthshireInBloom'))!.status).toBe('Retired');
  // Once retired, it is never added again.
  expect((await service('comms').add({ tag: '#NorthshireInBloom', usedBy: 'Parks', status: 'Proposed' })).kind).toBe('refused');
});

it('staff cannot retire a tag, through the service or raw REST; comms read back that nothing changed', async () => {
  const before = await service('comms').list();
  const target = before.find((t) => t.tag === '#GritterWatch')!;
  await expect(service('staff').setStatus(target, 'Retired')).rejects.toMatchObject({ kind: 'forbidden' });
  const item = `web/lists/getbytitle('${LISTS.hashtags.title}')/items(${target.id})`;
  const answers = [
    await rest.send(person('staff').upn, { method: 'POST', path: item, body: { [F.TagStatus]: 'Retired' }, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': target.etag! } }),
    await rest.send(person('staff').upn, { method: 'POST', path: `${item}/ValidateUpdateListItem`, body: { formValues: [{ FieldName: F.TagStatus, FieldValue: 'Retired' }], bNewDocumentUpdate: false } })
  ];
  expect(answers.map((a) => a.status)).toEqual([403, 403]);
  expect(await service('comms').list()).toEqual(before);
});

describe('the account or campaign of a tag (UsedBy)', () => {
  it('comms change it with the ETag they read; it is stored exactly as typed, and a line too long is refused with nothing written', async () => {
    const read = (await byTag('#GritterWatch'))!;
    const saved = await service('comms').setUsedBy(read, 'Highways — winter "gritting" O\'Neill\'s team');
    expect(saved).toMatchObject({ kind: 'saved', tag: { id: read.id, usedBy: 'Highways — winter "gritting" O\'Neill\'s team', status: 'In use' } });
    expect((await service('staff').list()).find((t) => t.id === read.id)!.usedBy).toBe('Highways — winter "gritting" O\'Neill\'s team');
    const now = (await byTag('#GritterWatch'))!;
    expect(await service('comms').setUsedBy(now, 'x'.repeat(256))).toMatchObject({ kind: 'invalid' });
    expect(await service('comms').setUsedBy(now, 'Two\nlines')).toMatchObject({ kind: 'invalid' });
    expect(await byTag('#GritterWatch')).toEqual(now);
  });

  it('two comms people change it at once: the first wins, the second is told and shown it as it is now, and can save over it deliberately', async () => {
    const chrisRead = (await byTag('#GritterWatch'))!;
    const hannahRead = (await service('commsHead').list()).find((t) => t.id === chrisRead.id)!;
    expect(await service('comms').setUsedBy(chrisRead, 'Highways and Transport')).toMatchObject({ kind: 'saved' });
    const second = await service('commsHead').setUsedBy(hannahRead, 'Winter service');
    expect(second).toMatchObject({ kind: 'conflict', current: { id: chrisRead.id, usedBy: 'Highways and Transport' } });
    expect((await byTag('#GritterWatch'))!.usedBy).toBe('Highways and Transport');
    // Saving again from the version she was shown is her deliberate choice: it goes through.
    const current = second.kind === 'conflict' ? second.current : hannahRead;
    expect(await service('commsHead').setUsedBy(current, 'Winter service')).toMatchObject({ kind: 'saved', tag: { usedBy: 'Winter service' } });
  });

  it('staff cannot change it, through the service or raw REST (MERGE with its ETag or a wildcard, the form endpoint); comms read back that nothing changed', async () => {
    const before = await service('comms').list();
    const target = before.find((t) => t.tag === '#GritterWatch')!;
    await expect(service('staff').setUsedBy(target, 'Sam\'s project')).rejects.toMatchObject({ kind: 'forbidden' });
    const item = `web/lists/getbytitle('${LISTS.hashtags.title}')/items(${target.id})`;
    const answers = [
      await rest.send(person('staff').upn, { method: 'POST', path: item, body: { [F.UsedBy]: 'Sam\'s project' }, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': target.etag! } }),
      await rest.send(person('staff').upn, { method: 'POST', path: item, body: { [F.UsedBy]: 'Sam\'s project' }, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } }),
      await rest.send(person('staff').upn, { method: 'POST', path: `${item}/ValidateUpdateListItem`, body: { formValues: [{ FieldName: F.UsedBy, FieldValue: 'Sam\'s project' }], bNewDocumentUpdate: false } })
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    expect(await service('comms').list()).toEqual(before);
  });
});
