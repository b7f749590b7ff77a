import type { SPFI } from '@pnp/sp';
import type { GraphLike } from '../data/graph/graphLike';
import { parseSubEntityId } from '../data/graph/deepLinks';
import type { Host, HostKind, HostPalette, ThemeName } from './host';
import { isSiteAddress, resolveHubUrl, sameSite } from './hubSite';

// The part of building a Host that the SPFx shell and the local workbench share. Each of them
// gathers its own sources (this.context, or the emulator's page config and cookie) and hands them in
// here, so the rules (which site is the hub, which user id can be trusted, which view a link opens,
// which theme applies) are written once and tested without either shell.

export interface HostInputs {
  kind: HostKind;
  /** The site the page is on. */
  currentWebUrl: string;
  /** The hub address set on the web part (property pane), if any. */
  hubProperty?: string;
  /** Reads the tenant-wide hub setting; asked only when no property is set. */
  tenantHubSetting?: (currentWebUrl: string) => Promise<string | undefined>;
  user: {
    displayName: string;
    email: string;
    loginName: string;
    /** The person's id in the page's own site (valid for `currentWebUrl` only). */
    pageSiteUserId?: number;
  };
  /** Teams' theme name ('default', 'dark', 'contrast'); absent outside Teams. */
  teamsTheme?: string;
  /** The SharePoint site theme's colours, when the page has them. */
  sitePalette?: HostPalette;
  /** Teams' subEntityId (subPageId) from a deep link. */
  teamsSubEntityId?: string;
  /** The page's query string (`?smh=policy&item=3`). */
  search: string;
  /** The view to open when no link asks for one. */
  startView?: string;
  /** Where deep links fall back outside Teams; the hub when not given. */
  pageUrl?: string;
  spFor(siteUrl: string): SPFI;
  graph(): Promise<GraphLike | undefined>;
}

export function themeFromTeams(name: string | undefined): ThemeName {
  return name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'light';
}

/** The SharePoint site theme applies only to the light look; Teams' dark and contrast themes replace it. */
export function paletteFor(theme: ThemeName, sitePalette: HostPalette | undefined): HostPalette | undefined {
  return theme === 'light' ? sitePalette : undefined;
}

/** A Teams deep link first, then a `?smh=` link, then the configured start view. */
export function deepLinkFrom(teamsSubEntityId: string | undefined, search: string, startView: string | undefined): Host['deepLink'] {
  const fromTeams = teamsSubEntityId ? parseSubEntityId(teamsSubEntityId) : undefined;
  if (fromTeams) return fromTeams;
  const query = new URLSearchParams(search);
  const page = query.get('smh');
  if (page) return { pageId: page, subPageId: query.get('item') ?? undefined };
  return startView ? { pageId: startView } : undefined;
}

export async function buildHost(inputs: HostInputs): Promise<Host> {
  const property = inputs.hubProperty;
  // The tenant setting is read only when the web part's own address cannot be used.
  const tenantSetting = isSiteAddress(property) || !inputs.tenantHubSetting ? undefined : await inputs.tenantHubSetting(inputs.currentWebUrl);
  const siteUrl = resolveHubUrl(property, tenantSetting, inputs.currentWebUrl);
  // The page's user id belongs to the page's site; on another site the hub's is asked for once.
  const onHub = sameSite(siteUrl, inputs.currentWebUrl);
  const theme = themeFromTeams(inputs.teamsTheme);
  const graph = await inputs.graph();
  return {
    kind: inputs.kind,
    siteUrl,
    user: {
      displayName: inputs.user.displayName,
      email: inputs.user.email,
      loginName: inputs.user.loginName,
      siteUserId: onHub ? inputs.user.pageSiteUserId : undefined
    },
    theme,
    palette: paletteFor(theme, inputs.sitePalette),
    deepLink: deepLinkFrom(inputs.teamsSubEntityId, inputs.search, inputs.startView),
    pageUrl: inputs.pageUrl ?? siteUrl,
    sp: inputs.spFor(siteUrl),
    graph
  };
}
