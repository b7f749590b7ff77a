import { startEmulator, type Emulator } from '../../workbench/emulator';
import { createGraphHandler } from '../../workbench/emulator/graph';
import { person } from '../support/emulator-sharepoint';

// The workbench runs SharePoint and Graph on one origin: Graph's control paths must reach the
// Graph handler, not the SharePoint control plane.
let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ quiet: true, graphHandlerFactory: createGraphHandler }); });
afterAll(async () => { await emu?.close(); });

describe('one origin for SharePoint and Graph', () => {
  it('serves the Graph feed and outbox next to the SharePoint control plane', async () => {
    const feed = await fetch(`${emu.url}/__emulator/graph/feed?user=${encodeURIComponent(person('owner').upn)}`);
    expect(feed.status).toBe(200);
    expect(await feed.json()).toMatchObject({ value: [] });
    expect((await fetch(`${emu.url}/__emulator/graph/outbox`)).status).toBe(200);
    expect((await fetch(`${emu.url}/__emulator/log`)).status).toBe(200);
  });

  it('serves Graph at the origin root and SharePoint under the site', async () => {
    const me = await fetch(`${emu.url}/v1.0/me`, { headers: { authorization: `Bearer emulator:${person('staff').upn}` } });
    expect(((await me.json()) as { userPrincipalName: string }).userPrincipalName).toBe(person('staff').upn);
    const web = await fetch(`${emu.siteUrl}/_api/web?$select=Title`, { headers: { 'x-emulator-user': person('staff').upn, accept: 'application/json' } });
    expect(web.status).toBe(200);
  });
});
