// The list view threshold where SharePoint Online enforces it, and paging past it.
import { startEmulator, type Emulator } from '../../workbench/emulator';
import { control, person, rejection, spAs } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Posts');
  const list = sp.web.lists.getByTitle('Posts');
  await list.fields.addText('Team', { Indexed: true });
  await list.fields.addText('Colour');
  const rows = Array.from({ length: 6000 }, (_, i) => ({ Title: `Post ${i + 1}`, Team: i % 10 < 9 ? 'Libraries' : 'Housing', Colour: i % 2 ? 'red' : 'blue' }));
  emu.sharepoint.bulkAddItems('Posts', rows);
});
afterAll(() => emu.close());

test('an indexed leftmost filter whose first step matches at most 5,000 pages with PnPjs\' async iterator', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Posts');
  const pages: number[] = [];
  const ids: number[] = [];
  for await (const page of list.items.select('Id', 'Team').filter("Team eq 'Housing' and Colour eq 'red'").top(100)) {
    pages.push(page.length);
    ids.push(...page.map((i: { Id: number }) => i.Id));
  }
  // Every tenth post is Housing, and every one of those is red.
  expect(pages).toEqual([100, 100, 100, 100, 100, 100]);
  expect(new Set(ids).size).toBe(600);
  const nextLinks = emu.requestLog.all().filter((e) => e.path.includes('skiptoken'));
  expect(nextLinks.length).toBeGreaterThan(0);
  expect(decodeURIComponent(nextLinks[0].path)).toContain('Paged=TRUE&p_ID=');
});

test('an indexed first step that matches more than 5,000 items is throttled, whatever $top and later clauses say', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Posts');
  for (const filter of ["Team eq 'Libraries'", "Team eq 'Libraries' and Colour eq 'red'", "Team eq 'Libraries' and Id lt 100", "Team eq 'Housing' or Team eq 'Libraries'"]) {
    const err = await rejection(list.items.select('Id').filter(filter).top(1)());
    expect([filter, err.status]).toEqual([filter, 500]);
    expect(err.message).toContain('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
  }
  // An Id window of at most 5,000 is the way through: its bounds narrow the same index.
  const window = await list.items.select('Id').filter("Id ge 1 and Id lt 5001 and Team eq 'Libraries'").top(5000)();
  expect(window).toHaveLength(4500);
  expect((await rejection(list.items.select('Id').filter("Id ge 1 and Id lt 5002 and Team eq 'Libraries'").top(10)())).status).toBe(500);
  expect((await rejection(list.items.select('Id').filter("Id ge 1 and Team eq 'Housing'").top(10)())).status).toBe(500);
});

test('plain $top paging by ID works on a big list', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Posts');
  const sizes: number[] = [];
  for await (const page of list.items.select('Id').top(2500)) sizes.push(page.length);
  expect(sizes).toEqual([2500, 2500, 1000]);
  const newest = await list.items.select('Id').orderBy('Id', false).top(3)();
  expect(newest.map((i: { Id: number }) => i.Id)).toEqual([6000, 5999, 5998]);
});

test('a non-indexed filter or sort over the threshold is throttled with SPQueryThrottledException', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Posts');
  const byColour = await rejection(list.items.filter("Colour eq 'red' and Team eq 'Libraries'").top(10)());
  expect(byColour.status).toBe(500);
  expect(byColour.message).toContain('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
  expect(byColour.message).toContain('The attempted operation is prohibited because it exceeds the list view threshold.');
  expect((await rejection(list.items.orderBy('Colour').top(10)())).status).toBe(500);
  expect((await rejection(list.items.filter("Team eq 'Libraries' or Colour eq 'red'")())).status).toBe(500);
});

test('over the threshold only index-seekable leftmost clauses are answered: ne, not and substringof scan', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Posts');
  for (const filter of ["Team ne 'Housing'", "not (Team eq 'Housing')", "substringof('Hous', Team)", "Team ne 'Housing' and Colour eq 'red'"]) {
    const err = await rejection(list.items.select('Id').filter(filter).top(10)());
    expect([filter, err.status]).toEqual([filter, 500]);
    expect(err.message).toContain('SPQueryThrottledException');
  }
  // An OR of the same indexed column, startswith and ranges seek the index.
  expect(await list.items.select('Id').filter("Team eq 'Housing' or Team eq 'Archives'").top(3)()).toHaveLength(3);
  expect(await list.items.select('Id').filter("startswith(Team, 'Hous')").top(3)()).toHaveLength(3);
  expect(await list.items.select('Id').filter("Team le 'Housing' and Colour eq 'red'").top(3)()).toHaveLength(3);
  // ID is always indexed, so ordering by it is fine however large the list.
  const newest = await list.items.select('Id').filter("Team eq 'Housing'").orderBy('ID', false).top(2)();
  expect(newest.map((i: { Id: number }) => i.Id)).toEqual([6000, 5990]);
  // An unknown column is still "does not exist", not throttling.
  expect((await rejection(list.items.filter("Nope ne 'x'")())).status).toBe(400);
});

test('the threshold is configurable through the control plane', async () => {
  const list = spAs(emu, owner.upn).web.lists.getByTitle('Posts');
  await control(emu, 'POST', '/threshold', { value: 10000 });
  try {
    const reds = await list.items.select('Id').filter("Colour eq 'red'").top(5)();
    expect(reds).toHaveLength(5);
  } finally {
    await control(emu, 'POST', '/threshold', { value: 5000 });
  }
});

test('paging by a non-ID sort key keeps every item exactly once', async () => {
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Small');
  const list = sp.web.lists.getByTitle('Small');
  await list.fields.addNumber('Rank');
  emu.sharepoint.bulkAddItems('Small', Array.from({ length: 25 }, (_, i) => ({ Title: `S${i}`, Rank: i % 4 })));
  const seen: number[] = [];
  for await (const page of list.items.select('Id', 'Rank').orderBy('Rank', false).top(7)) seen.push(...page.map((i: { Id: number }) => i.Id));
  expect(seen).toHaveLength(25);
  expect(new Set(seen).size).toBe(25);
});

test('100,000 items: an indexed filter matching 5,000 is answered; a naive PolicyMajor filter over 5,001 is not', async () => {
  const sp = spAs(emu, owner.upn);
  await sp.web.lists.ensure('Huge');
  const list = sp.web.lists.getByTitle('Huge');
  await list.fields.addText('Bucket', { Indexed: true });
  emu.sharepoint.bulkAddItems('Huge', Array.from({ length: 100_000 }, (_, i) => ({ Title: `H${i}`, Bucket: `b${i % 20}` })));
  const page = await list.items.select('Id').filter("Bucket eq 'b3'").top(5000)();
  expect(page).toHaveLength(5000);
  expect(page[0].Id).toBe(4);

  await sp.web.lists.ensure('Acks');
  const acks = sp.web.lists.getByTitle('Acks');
  await acks.fields.addNumber('PolicyMajor', { Indexed: true });
  emu.sharepoint.bulkAddItems('Acks', Array.from({ length: 5001 }, (_, i) => ({ Title: `A${i}`, PolicyMajor: 3 })));
  const naive = await rejection(acks.items.select('Id').filter('PolicyMajor eq 3').top(1)());
  expect(naive.status).toBe(500);
  expect(naive.message).toContain('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
  expect(await acks.items.select('Id').filter('Id ge 1 and Id lt 5001 and PolicyMajor eq 3').top(5000)()).toHaveLength(5000);
});
