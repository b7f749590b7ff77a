import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { EmulatorRequest, RouteHandler } from './emulator/types';
import { CLIENT_OUT_DIR } from './build';

// The workbench's own pages: a SharePoint page and the two Teams hosts, each a shell that loads the
// bundled app. They sit on the emulator's origin, so the app's REST calls are same-origin.

const PAGES: Record<string, { kind: string; title: string }> = {
  '/sharepoint': { kind: 'sharePoint', title: 'Social media at Northshire - SharePoint' },
  '/teams/tab': { kind: 'teamsTab', title: 'Social Media Hub | Microsoft Teams' },
  '/teams/personal': { kind: 'teamsPersonal', title: 'Social Media Hub | Microsoft Teams' }
};

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.css': 'text/css' };

interface PageConfig {
  kind: string;
  siteUrl: string;
  /** Like SharePoint's _spPageContextInfo.formDigestValue: saves the app a contextinfo round trip. */
  formDigestValue?: string;
  formDigestTimeoutSeconds?: number;
  /** Like _spPageContextInfo.userId: the person's id in the site's user list. */
  siteUserId?: number;
}

function page(title: string, config: PageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  *, *::before, *::after { box-sizing: border-box; }
  body { margin: 0; }
  @media (max-width: 640px) {
    .wb-hide-narrow { display: none !important; }
    .wb-page { padding: 12px !important; }
    .wb-rail button { width: 48px !important; }
  }
</style>
<script id="smh-config" type="application/json">${json}</script>
</head>
<body>
<div id="root"></div>
<script type="module" src="/workbench/workbench.js"></script>
</body>
</html>`;
}

/**
 * Asks the emulator for what SharePoint puts in every page it renders for the signed-in person:
 * their form digest and their site user id.
 */
async function pageContextFor(siteUrl: string, cookie: string | undefined): Promise<Pick<PageConfig, 'formDigestValue' | 'formDigestTimeoutSeconds' | 'siteUserId'>> {
  if (!cookie) return {};
  try {
    const headers = { cookie, accept: 'application/json' };
    const [digest, me] = await Promise.all([
      fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers }),
      fetch(`${siteUrl}/_api/web/currentuser?$select=Id`, { headers })
    ]);
    if (!digest.ok || !me.ok) return {};
    const d = (await digest.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number };
    const u = (await me.json()) as { Id: number };
    return { formDigestValue: d.FormDigestValue, formDigestTimeoutSeconds: d.FormDigestTimeoutSeconds, siteUserId: u.Id };
  } catch {
    return {};
  }
}

export function workbenchPages(siteUrl: () => string): RouteHandler {
  return async (req: EmulatorRequest, res: ServerResponse) => {
    if (req.method !== 'GET') return false;
    const path = req.url.pathname;
    if (path === '/') {
      res.writeHead(302, { Location: '/sharepoint' });
      res.end();
      return true;
    }
    const p = PAGES[path];
    if (p) {
      const context = await pageContextFor(siteUrl(), req.headers.cookie);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(page(p.title, { kind: p.kind, siteUrl: siteUrl(), ...context }));
      return true;
    }
    if (path.startsWith('/workbench/')) {
      const file = normalize(join(CLIENT_OUT_DIR, path.slice('/workbench/'.length)));
      if (!file.startsWith(CLIENT_OUT_DIR)) return false;
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
        res.end(body);
        return true;
      } catch {
        return false;
      }
    }
    return false;
  };
}
