// Teams deep links into the personal app, and their way back. The page and item travel in the
// link's context as subEntityId "<pageId>:<subPageId>", which Teams hands to the tab as
// `app.getContext().page.subPageId`; outside Teams the same target is the fallback page's
// `?smh=<pageId>&item=<subPageId>`.
//
// The path segment after the app id is the *tab's* entityId ('hub'), not the page: Teams resolves it
// against the manifest's staticTabs, and the app has a single personal tab that routes internally.
import { PERSONAL_TAB_ENTITY_ID } from './teamsApp';

export interface DeepLinkTarget {
  pageId: string;
  subPageId?: string;
}

export interface DeepLinkOptions {
  teamsAppId: string;
  /** The SharePoint page hosting the web part, used by browsers without Teams. */
  fallbackBaseUrl: string;
  /** The personal tab's entityId (default 'hub'). */
  entityId?: string;
}

export interface ParsedDeepLink extends DeepLinkTarget {
  teamsAppId: string;
  entityId: string;
  label?: string;
  webUrl?: string;
}

const TEAMS_ENTITY_PREFIX = 'https://teams.microsoft.com/l/entity/';

export function subEntityId(target: DeepLinkTarget): string {
  return target.subPageId ? `${target.pageId}:${target.subPageId}` : target.pageId;
}

/** "policy:3" → { pageId: 'policy', subPageId: '3' }; undefined for an empty value. */
export function parseSubEntityId(value: string | undefined | null): DeepLinkTarget | undefined {
  if (!value) return undefined;
  const at = value.indexOf(':');
  const pageId = (at < 0 ? value : value.slice(0, at)).trim();
  if (!pageId) return undefined;
  const subPageId = at < 0 ? undefined : value.slice(at + 1).trim() || undefined;
  return subPageId ? { pageId, subPageId } : { pageId };
}

export function fallbackUrl(fallbackBaseUrl: string, target: DeepLinkTarget): string {
  const url = new URL(fallbackBaseUrl);
  url.searchParams.set('smh', target.pageId);
  if (target.subPageId) url.searchParams.set('item', target.subPageId);
  else url.searchParams.delete('item');
  return url.toString();
}

export function buildDeepLink(options: DeepLinkOptions, target: DeepLinkTarget & { label: string }): string {
  const entityId = options.entityId ?? PERSONAL_TAB_ENTITY_ID;
  const query = [
    `webUrl=${encodeURIComponent(fallbackUrl(options.fallbackBaseUrl, target))}`,
    `label=${encodeURIComponent(target.label)}`,
    `context=${encodeURIComponent(JSON.stringify({ subEntityId: subEntityId(target) }))}`
  ];
  return `${TEAMS_ENTITY_PREFIX}${encodeURIComponent(options.teamsAppId)}/${encodeURIComponent(entityId)}?${query.join('&')}`;
}

/** Reads a deep link built by buildDeepLink (or by Teams); undefined when it is not one. */
export function parseDeepLink(link: string): ParsedDeepLink | undefined {
  if (!link.startsWith(TEAMS_ENTITY_PREFIX)) return undefined;
  const url = new URL(link);
  const [teamsAppId, entityId] = url.pathname.split('/').slice(3).map((s) => decodeURIComponent(s));
  if (!teamsAppId || !entityId) return undefined;
  let target: DeepLinkTarget | undefined;
  const context = url.searchParams.get('context');
  if (context) {
    try {
      target = parseSubEntityId((JSON.parse(context) as { subEntityId?: string }).subEntityId);
    } catch {
      target = undefined;
    }
  }
  return {
    teamsAppId,
    entityId,
    pageId: target?.pageId ?? entityId,
    subPageId: target?.subPageId,
    label: url.searchParams.get('label') ?? undefined,
    webUrl: url.searchParams.get('webUrl') ?? undefined
  };
}
