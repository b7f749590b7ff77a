/** The UPN from a claims login such as i:0#.f|membership|olivia.reed@contoso.com, or the fallback. */
export function upnOf(claims: string | undefined, fallback: string): string {
  return claims?.includes('|') ? claims.slice(claims.lastIndexOf('|') + 1) : fallback;
}
