// Drives the SharePoint emulator with the real PnPjs v4 the app uses.
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import '@pnp/sp/fields/index.js';
import '@pnp/sp/site-users/index.js';
import '@pnp/sp/site-groups/index.js';
import '@pnp/sp/security/index.js';
import '@pnp/sp/batching.js';
import { SEED_PEOPLE, type DirectoryUser } from '../../workbench/emulator/directory';
import type { Emulator } from '../../workbench/emulator';

export function person(persona: DirectoryUser['persona']): DirectoryUser {
  const p = SEED_PEOPLE.find((x) => x.persona === persona);
  if (!p) throw new Error(`no persona ${persona}`);
  return p;
}

/**
 * PnPjs as `upn`. PnPjs caches form digests per site URL for the whole process, so a test that
 * switches users would send one user's digest as another; by default each user therefore gets
 * their own digest injected, like SPFx's page context provides it. `digest: 'pnpjs'` leaves the
 * contextinfo round trip to PnPjs (use with one user per emulator).
 */
export function spAs(emu: Emulator, upn: string, opts: { digest?: 'inject' | 'pnpjs' } = {}): SPFI {
  const headers: Record<string, string> = { 'x-emulator-user': upn };
  if (opts.digest !== 'pnpjs') headers['X-RequestDigest'] = emu.sharepoint.issueDigest(upn);
  return spfi().using(SPBrowser({ baseUrl: emu.siteUrl }), InjectHeaders(headers));
}

export async function control(emu: Emulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emu.url}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** Catches the rejection of a PnPjs call, failing the test if it resolved. */
export async function rejection(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { status: number; message: string };
  }
  throw new Error('expected the call to fail');
}
