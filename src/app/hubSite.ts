// Where the hub's lists live. A web part on the hub uses its own site; a Teams personal app runs on
// the tenant root and a channel tab on the team's site, so they need to be told: the web part
// property (set in the property pane) first, then the tenant-wide setting an administrator stores in
// the app catalog (Set-PnPStorageEntity -Key SocialMediaHubSiteUrl -Value <hub url>), then this site.

export const HUB_STORAGE_KEY = 'SocialMediaHubSiteUrl';

/** An absolute https site address; anything else (a relative path, a typo) is not used. */
export function isSiteAddress(value: string | undefined): boolean {
  const url = value?.trim();
  return !!url && /^https:\/\/[^/]+\//i.test(`${url}/`);
}

export function resolveHubUrl(property: string | undefined, tenantSetting: string | undefined, currentWeb: string): string {
  for (const candidate of [property, tenantSetting]) {
    if (isSiteAddress(candidate)) return candidate!.trim().replace(/\/+$/, '');
  }
  return currentWeb.replace(/\/+$/, '');
}

export function sameSite(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}
