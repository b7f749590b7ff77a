import type { SPFI } from '@pnp/sp';
import type { GraphLike } from '../data/graph/graphLike';

// Everything the app knows about where it runs. The SPFx shell builds it from `this.context`; the
// local workbench builds it from the emulator. Nothing else differs between the two.

export type HostKind = 'sharePoint' | 'teamsTab' | 'teamsPersonal';
export type ThemeName = 'light' | 'dark' | 'contrast';

export interface HostUser {
  displayName: string;
  email: string;
  loginName: string;
  /**
   * The person's id in the hub site's user list, when the page already knows it (SPFx:
   * legacyPageContext.userId, valid only when the page is on the hub). Otherwise it is asked once.
   */
  siteUserId?: number;
}

/** Colours of a SharePoint site theme or section background, when the page has one. */
export interface HostPalette {
  [slot: string]: string | undefined;
}

export interface Host {
  kind: HostKind;
  /** The hub site that holds the lists (a Teams tab or personal app may run on another site). */
  siteUrl: string;
  user: HostUser;
  theme: ThemeName;
  palette?: HostPalette;
  /** The page and item a Teams deep link (subEntityId) or a `?smh=` URL asks for. */
  deepLink?: { pageId: string; subPageId?: string };
  sp: SPFI;
  graph?: GraphLike;
  /** The page the web part is on: Teams deep links fall back to it outside Teams. */
  pageUrl: string;
}
