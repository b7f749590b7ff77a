import type { SPFI } from '@pnp/sp';
import { buildHost, deepLinkFrom, paletteFor, themeFromTeams, type HostInputs } from '../../src/app/buildHost';
import type { GraphLike } from '../../src/data/graph/graphLike';

// The rules both shells share: which site is the hub, whose user id can be used, which view a link
// opens, which theme and palette apply.

const HUB = 'https://contoso.sharepoint.com/sites/socialmedia';
const OTHER = 'https://contoso.sharepoint.com/sites/team-x';

function inputs(overrides: Partial<HostInputs> = {}) {
  const spSites: string[] = [];
  const tenantAsked: string[] = [];
  const graph = { api: jest.fn() } as unknown as GraphLike;
  const base: HostInputs = {
    kind: 'sharePoint',
    currentWebUrl: HUB,
    user: { displayName: 'Sam Patel', email: 'sam@contoso.com', loginName: 'i:0#.f|membership|sam@contoso.com', pageSiteUserId: 12 },
    search: '',
    spFor: (siteUrl) => {
      spSites.push(siteUrl);
      return { siteUrl } as unknown as SPFI;
    },
    graph: async () => graph,
    ...overrides
  };
  if (!overrides.tenantHubSetting) base.tenantHubSetting = async (web) => { tenantAsked.push(web); return undefined; };
  return { inputs: base, spSites, tenantAsked, graph };
}

describe('buildHost', () => {
  it('on the hub itself: the page is the hub, its user id is used, the SPFI and Graph client are the given ones', async () => {
    const { inputs: i, spSites, tenantAsked, graph } = inputs({ pageUrl: `${HUB}/SitePages/Home.aspx` });
    const host = await buildHost(i);
    expect(host).toMatchObject({ kind: 'sharePoint', siteUrl: HUB, theme: 'light', pageUrl: `${HUB}/SitePages/Home.aspx`, user: { displayName: 'Sam Patel', siteUserId: 12 } });
    expect(spSites).toEqual([HUB]);
    expect(tenantAsked).toEqual([HUB]);
    expect(host.graph).toBe(graph);
  });

  it('a hub property wins, the tenant setting is not asked, and the page user id (another site) is dropped', async () => {
    const { inputs: i, spSites, tenantAsked } = inputs({ currentWebUrl: OTHER, hubProperty: ` ${HUB}/ ` });
    const host = await buildHost(i);
    expect(host.siteUrl).toBe(HUB);
    expect(host.user.siteUserId).toBeUndefined();
    expect(tenantAsked).toEqual([]);
    expect(spSites).toEqual([HUB]);
    // Without a page URL (Teams), deep links fall back to the hub.
    expect(host.pageUrl).toBe(HUB);
  });

  it('without a property, the tenant setting names the hub; without either, the current site is the hub', async () => {
    const fromTenant = await buildHost(inputs({ currentWebUrl: OTHER, tenantHubSetting: async () => HUB }).inputs);
    expect(fromTenant.siteUrl).toBe(HUB);
    expect(fromTenant.user.siteUserId).toBeUndefined();
    const own = await buildHost(inputs({ currentWebUrl: `${OTHER}/` }).inputs);
    expect(own.siteUrl).toBe(OTHER);
    expect(own.user.siteUserId).toBe(12);
  });

  it('an address that is not https is ignored in favour of the next source', async () => {
    const host = await buildHost(inputs({ currentWebUrl: OTHER, hubProperty: 'sites/socialmedia', tenantHubSetting: async () => HUB }).inputs);
    expect(host.siteUrl).toBe(HUB);
  });

  it("Teams: the theme comes from Teams and the site palette applies only to the light theme", async () => {
    const palette = { themePrimary: '#123456' };
    const dark = await buildHost(inputs({ kind: 'teamsPersonal', teamsTheme: 'dark', sitePalette: palette }).inputs);
    expect(dark).toMatchObject({ kind: 'teamsPersonal', theme: 'dark' });
    expect(dark.palette).toBeUndefined();
    const light = await buildHost(inputs({ kind: 'teamsTab', teamsTheme: 'default', sitePalette: palette }).inputs);
    expect(light).toMatchObject({ theme: 'light', palette });
  });

  it('a Graph client that fails to load fails the build (the shell shows the error)', async () => {
    await expect(buildHost(inputs({ graph: async () => { throw new Error('token'); } }).inputs)).rejects.toThrow('token');
  });
});

describe('deep links', () => {
  it('prefers a Teams sub-entity, then ?smh=, then the start view', () => {
    expect(deepLinkFrom('history:3', '?smh=policy', 'edit')).toEqual({ pageId: 'history', subPageId: '3' });
    expect(deepLinkFrom(undefined, '?smh=coverage&item=7', 'edit')).toEqual({ pageId: 'coverage', subPageId: '7' });
    expect(deepLinkFrom(undefined, '?smh=coverage', 'edit')).toEqual({ pageId: 'coverage', subPageId: undefined });
    expect(deepLinkFrom('', '?other=1', 'edit')).toEqual({ pageId: 'edit' });
    expect(deepLinkFrom(undefined, '', undefined)).toBeUndefined();
  });
});

it('theme names from Teams and palettes', () => {
  expect(['default', 'dark', 'contrast', undefined, 'odd'].map(themeFromTeams)).toEqual(['light', 'dark', 'contrast', 'light', 'light']);
  expect(paletteFor('contrast', { a: '#fff' })).toBeUndefined();
  expect(paletteFor('light', { a: '#fff' })).toEqual({ a: '#fff' });
});
