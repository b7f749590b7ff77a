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

/** The UPN the request names, from the header, the cookie, or an emulator bearer token. */
export function claimedUpn(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-emulator-user'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const auth = headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer\s+emulator:(.+)$/i.exec(auth.trim()) : null;
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
