import type { SPFI } from '@pnp/sp';
import type { GraphLike } from '../data/graph/graphLike';

// Everything the app knows about where it runs. The SPFx shell builds it from `this.context`; the
// local workbench builds it from the emulator. Nothing else differs between the two.

export type HostKind = 'sharePoint' | 'fullPage' | 'teamsTab' | 'teamsPersonal';
export type ThemeName = 'light' | 'dark' | 'contrast';

export interface HostUser {
  displayName: string;
  email: string;
  loginName: string;
}

/** Colours of a SharePoint site theme or section background, when the page has one. */
export interface HostPalette {
  [slot: string]: string | undefined;
}

export interface Host {
  kind: HostKind;
  siteUrl: string;
  user: HostUser;
  theme: ThemeName;
  palette?: HostPalette;
  /** The page and item a Teams deep link (subEntityId) or a `?smh=` URL asks for. */
  deepLink?: { pageId: string; subPageId?: string };
  sp: SPFI;
  graph?: GraphLike;
  /** Teams app id for deep links (from settings when empty). */
  teamsAppId?: string;
}
