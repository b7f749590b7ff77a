// State survives a restart when a data file is given; reset empties the site back to its seed.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../workbench/emulator';
import { control, person, spAs } from '../support/emulator-sharepoint';

const owner = person('siteOwner');
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'sp-emulator-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('lists, fields, items, ETags, groups and permissions survive a restart', async () => {
  const dataFile = join(dir, 'state.json');
  const first = await startEmulator({ port: 0, dataFile, quiet: true });
  const sp = spAs(first, owner.upn);
  await sp.web.lists.ensure('Requests');
  await sp.web.lists.getByTitle('Requests').fields.addText('Status', { Indexed: true });
  const added = await sp.web.lists.getByTitle('Requests').items.add({ Title: 'Kept', Status: 'New' });
  await sp.web.lists.getByTitle('Requests').items.getById(added.Id).update({ Status: 'Approved' });
  await sp.web.siteGroups.getByName('Social Media Hub Members').users.add(`i:0#.f|membership|${person('comms').upn}`);
  const digest = first.sharepoint.issueDigest(owner.upn);
  await first.close();
  expect(readdirSync(dir)).toEqual(['state.json']);

  const second = await startEmulator({ port: 0, dataFile, quiet: true });
  try {
    const again = spAs(second, owner.upn);
    const item = await again.web.lists.getByTitle('Requests').items.getById(added.Id)();
    expect(item).toMatchObject({ Title: 'Kept', Status: 'Approved', 'odata.etag': '"2"' });
    const field = await again.web.lists.getByTitle('Requests').fields.getByInternalNameOrTitle('Status')();
    expect(field.Indexed).toBe(true);
    const comms = spAs(second, person('comms').upn).web.lists.getByTitle('Requests');
    await comms.items.add({ Title: 'member can still write' });
    // Digests survive a restart, as a tenant's survive a front-end recycle.
    const res = await fetch(`${second.siteUrl}/_api/web/lists/getbytitle('Requests')/items`, {
      method: 'POST',
      headers: { 'x-emulator-user': owner.upn, 'X-RequestDigest': digest, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ Title: 'old digest' })
    });
    expect(res.status).toBe(201);
    const ids = (await again.web.lists.getByTitle('Requests').items.select('Id')()).map((i: { Id: number }) => i.Id);
    expect(ids).toEqual([1, 2, 3]);

    await control(second, 'POST', '/reset');
    expect(await again.web.lists.filter("Title eq 'Requests'")()).toEqual([]);
    const groups = await again.web.siteGroups();
    expect(groups).toHaveLength(3);
  } finally {
    await second.close();
  }
  const third = await startEmulator({ port: 0, dataFile, quiet: true });
  try {
    expect(await spAs(third, owner.upn).web.lists.filter("Title eq 'Requests'")()).toEqual([]);
  } finally {
    await third.close();
  }
});

test('a corrupt data file is set aside, not overwritten', async () => {
  const dataFile = join(dir, 'state.json');
  writeFileSync(dataFile, '{ not json');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const emu = await startEmulator({ port: 0, dataFile, quiet: true });
  try {
    expect((await spAs(emu, owner.upn).web()).Title).toBe('Social Media Hub');
    expect(readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
    expect(warn).toHaveBeenCalled();
  } finally {
    warn.mockRestore();
    await emu.close();
  }
});

test('the request log lists requests in order with user and status, and can be cleared', async () => {
  const emu = await startEmulator({ port: 0, quiet: true });
  try {
    const sp = spAs(emu, owner.upn);
    await sp.web.lists.ensure('Log');
    const log = (await control(emu, 'GET', '/log')) as Array<{ method: string; path: string; user: string; status: number }>;
    expect(log.map((e) => `${e.method} ${e.path.replace(/\?.*/, '')} ${e.status}`)).toEqual([
      "GET /sites/hub/_api/web/lists/getByTitle('Log') 404",
      'POST /sites/hub/_api/web/lists 201'
    ]);
    expect(log.every((e) => e.user === owner.upn)).toBe(true);
    await control(emu, 'DELETE', '/log');
    expect(await control(emu, 'GET', '/log')).toEqual([]);
  } finally {
    await emu.close();
  }
});
