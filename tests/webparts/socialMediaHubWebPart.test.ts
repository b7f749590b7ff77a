/**
 * @jest-environment jsdom
 */
import type { Host } from '../../src/app/host';

// The SPFx shell's own lifecycle: onInit adds its listeners once, render() builds and mounts, an
// applied property-pane change rebuilds the app once for the new hub, onDispose removes every
// listener. The SPFx base classes are replaced by small stand-ins that keep only what the shell uses
// (context, properties, domElement, the theme event, Teams' single theme-handler slot), and the app
// mount by a recorder; the host building under test is the real one.

const mounts: { host: Host; themes: string[]; unmounted: boolean }[] = [];
jest.mock('../../src/app/mount', () => ({
  mountApp: (_element: HTMLElement, host: Host) => {
    const entry = { host, themes: [] as string[], unmounted: false };
    mounts.push(entry);
    return { setTheme: (t: string) => entry.themes.push(t), unmount: () => { entry.unmounted = true; } };
  }
}));

jest.mock('@microsoft/sp-webpart-base', () => ({
  BaseClientSideWebPart: class {
    public context: unknown;
    public properties: unknown;
    public domElement!: HTMLElement;
    protected onInit(): Promise<void> { return Promise.resolve(); }
  }
}));
jest.mock('@microsoft/sp-core-library', () => ({ Version: { parse: (v: string) => v } }));
jest.mock('@microsoft/sp-property-pane', () => ({ PropertyPaneTextField: (path: string) => ({ path }) }));
jest.mock('@microsoft/sp-component-base', () => ({ ThemeProvider: { serviceKey: 'ThemeProvider' } }));

const spSites: string[] = [];
const storageAsked: string[] = [];
jest.mock('@pnp/sp', () => ({
  spfi: (url: string) => ({
    using: () => {
      spSites.push(url);
      return { web: { getStorageEntity: async () => { storageAsked.push(url); return { Value: '' }; } } };
    }
  }),
  SPFx: () => ({})
}));
jest.mock('@pnp/sp/webs', () => ({}));

import SocialMediaHubWebPart from '../../src/webparts/socialMediaHub/SocialMediaHubWebPart';

const HUB = 'https://contoso.sharepoint.com/sites/socialmedia';
const NEW_HUB = 'https://contoso.sharepoint.com/sites/comms-hub';
const TEAM_SITE = 'https://contoso.sharepoint.com/sites/team-x';

function fakeSpfx(teamsThemeName?: string) {
  const themeHandlers = new Set<unknown>();
  let teamsHandler: ((name: string) => void) | undefined;
  let teamsRegistrations = 0;
  const errors: unknown[] = [];
  const context = {
    serviceScope: {
      consume: () => ({
        themeChangedEvent: { add: (_o: unknown, h: unknown) => themeHandlers.add(h), remove: (_o: unknown, h: unknown) => themeHandlers.delete(h) },
        tryGetTheme: () => ({ palette: { themePrimary: '#0078d4' } })
      })
    },
    sdks: teamsThemeName
      ? { microsoftTeams: { teamsJs: { app: {
          getContext: async () => ({ app: { theme: teamsThemeName }, page: { subPageId: 'history:2' }, channel: { id: 'c1' } }),
          registerOnThemeChangeHandler: (h: (name: string) => void) => { teamsRegistrations++; teamsHandler = h; }
        } } } }
      : {},
    pageContext: {
      web: { absoluteUrl: TEAM_SITE },
      user: { displayName: 'Simon Clarke', email: 'simon@contoso.com', loginName: 'i:0#.f|membership|simon@contoso.com' },
      legacyPageContext: { userId: 9 }
    },
    msGraphClientFactory: { getClient: async () => ({ api: () => undefined }) },
    statusRenderer: { clearError: () => undefined, renderError: (_el: unknown, e: unknown) => errors.push(e) }
  };
  return { context, themeHandlers, errors, teams: () => ({ teamsHandler, teamsRegistrations }) };
}

async function startWebPart(properties: Record<string, string>, teamsTheme?: string) {
  const spfx = fakeSpfx(teamsTheme);
  const wp = new SocialMediaHubWebPart() as unknown as Record<string, any>;
  wp.context = spfx.context;
  wp.properties = properties;
  wp.domElement = document.createElement('div');
  await wp.onInit();
  return { wp, spfx };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  mounts.length = 0;
  spSites.length = 0;
  storageAsked.length = 0;
});

it('mounts once for the configured hub, and an applied hub change rebuilds once with the new hub', async () => {
  const { wp, spfx } = await startWebPart({ hubSiteUrl: HUB, startView: 'policy' });
  wp.render();
  wp.render();
  await settle();
  expect(mounts.map((m) => m.host.siteUrl)).toEqual([HUB]);
  // The page is on another site, so its user id is not the hub's.
  expect(mounts[0].host.user.siteUserId).toBeUndefined();
  expect(spfx.themeHandlers.size).toBe(1);

  // SPFx (non-reactive pane): Apply updates the properties, then calls render(), possibly more than once.
  expect(wp.disableReactivePropertyChanges).toBe(true);
  wp.properties.hubSiteUrl = NEW_HUB;
  wp.render();
  wp.render();
  await settle();
  expect(mounts.map((m) => [m.host.siteUrl, m.unmounted])).toEqual([[HUB, true], [NEW_HUB, false]]);
  expect(spSites.filter((s) => s === NEW_HUB)).toHaveLength(1);
  // No listener was added by the rebuild.
  expect(spfx.themeHandlers.size).toBe(1);
  expect(storageAsked).toEqual([]);
});

it('a start view change rebuilds once; clearing the hub falls back to the tenant setting, then to this site', async () => {
  const { wp } = await startWebPart({ hubSiteUrl: HUB, startView: 'policy' });
  wp.render();
  await settle();
  wp.properties.startView = 'history';
  wp.render();
  await settle();
  expect(mounts.map((m) => m.host.deepLink)).toEqual([{ pageId: 'policy' }, { pageId: 'history' }]);
  wp.properties.hubSiteUrl = '';
  wp.render();
  await settle();
  expect(storageAsked).toEqual([TEAM_SITE]);
  expect(mounts[2].host).toMatchObject({ siteUrl: TEAM_SITE, user: { siteUserId: 9 } });
  expect(mounts.filter((m) => !m.unmounted)).toHaveLength(1);
});

it('dispose unmounts the app and removes the site theme listener; a late Teams theme event touches nothing', async () => {
  const { wp, spfx } = await startWebPart({ hubSiteUrl: HUB, startView: '' }, 'dark');
  wp.render();
  await settle();
  expect(mounts[0].host).toMatchObject({ kind: 'teamsTab', theme: 'dark', deepLink: { pageId: 'history', subPageId: '2' } });
  expect(mounts[0].host.palette).toBeUndefined();
  spfx.teams().teamsHandler!('default');
  expect(mounts[0].themes).toEqual(['light']);

  wp.properties.hubSiteUrl = NEW_HUB;
  wp.render();
  await settle();
  // The rebuild keeps the theme Teams last reported and registers no second handler.
  expect(mounts[1].host.theme).toBe('light');
  expect(spfx.teams().teamsRegistrations).toBe(1);

  wp.onDispose();
  expect(mounts.every((m) => m.unmounted)).toBe(true);
  expect(spfx.themeHandlers.size).toBe(0);
  spfx.teams().teamsHandler!('contrast');
  expect(mounts[1].themes).toEqual([]);
  wp.render();
  await settle();
  expect(mounts).toHaveLength(2);
});

it('a host that cannot be built shows the error through SPFx instead of a blank part', async () => {
  const { wp, spfx } = await startWebPart({ hubSiteUrl: HUB, startView: '' });
  spfx.context.msGraphClientFactory.getClient = async () => { throw new Error('Graph token refused'); };
  wp.render();
  await settle();
  expect(mounts).toHaveLength(0);
  expect(String(spfx.errors[0])).toContain('Graph token refused');
});
