// Who the caller says they are. The emulator believes it (there is no sign-in), which is why it
// only ever listens on the loopback interface.
import type { IncomingHttpHeaders } from 'node:http';
import type { DirectoryUser } from './directory';

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const EMULATOR_BEARER = /^Bearer\s+emulator:(.+)$/i;

/**
 * True when the request carries an Authorization header the emulator did not issue: anything but
 * its own `Bearer emulator:<upn>` stand-in for a delegated token. SharePoint answers a token it
 * cannot validate with 401 whatever else the request says, so such a header is never ignored.
 */
export function hasForeignAuthorization(headers: IncomingHttpHeaders | Record<string, string | undefined>): boolean {
  const auth = headers.authorization;
  if (auth === undefined) return false;
  return typeof auth !== 'string' || !EMULATOR_BEARER.test(auth.trim());
}

/** The UPN the request names, from the header, the cookie, or an emulator bearer token. */
export function claimedUpn(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-emulator-user'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const auth = headers.authorization;
  const bearer = typeof auth === 'string' ? EMULATOR_BEARER.exec(auth.trim()) : null;
  if (bearer) return bearer[1].trim();
  const cookie = cookieValue(headers.cookie, 'emulator-user');
  return cookie?.trim() || undefined;
}

/** The directory person the request names; undefined when it names nobody we know. */
export function resolveUser(headers: IncomingHttpHeaders, directory: readonly DirectoryUser[]): DirectoryUser | undefined {
  const upn = claimedUpn(headers)?.toLowerCase();
  if (!upn) return undefined;
  return directory.find((p) => p.upn.toLowerCase() === upn);
}
