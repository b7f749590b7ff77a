import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchBrowser, contextAs } from '../tests/support/browser';
import { person } from '../workbench/seed';

// Takes screenshots of a running workbench (npm start) for looking at what we build:
// `tsx scripts/screenshots.ts [baseUrl] [outDir]`.
async function main(): Promise<void> {
  const base = process.argv[2] ?? 'http://127.0.0.1:4400';
  const out = process.argv[3] ?? join(__dirname, '..', 'test-results', 'screenshots');
  mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  const shots: [string, string, string, { width: number; height: number }][] = [
    ['sharepoint-policy', '/sharepoint', person('staff').upn, { width: 1280, height: 1000 }],
    ['teams-tab-light', '/teams/tab?theme=default', person('staff').upn, { width: 1280, height: 900 }],
    ['teams-tab-dark', '/teams/tab?theme=dark', person('staff').upn, { width: 1280, height: 900 }],
    ['teams-tab-contrast', '/teams/tab?theme=contrast', person('staff').upn, { width: 1280, height: 900 }],
    ['teams-personal-narrow', '/teams/personal?theme=default', person('staff').upn, { width: 380, height: 900 }],
    ['sharepoint-setup-owner', '/sharepoint?smh=setup', person('siteOwner').upn, { width: 1280, height: 1000 }],
    ['sharepoint-edit-comms', '/sharepoint?smh=edit', person('comms').upn, { width: 1280, height: 1000 }],
    ['teams-edit-comms-dark', '/teams/tab?theme=dark&smh=edit', person('comms').upn, { width: 1280, height: 1000 }],
    ['sharepoint-history', '/sharepoint?smh=history', person('staff').upn, { width: 1280, height: 1000 }],
    ['sharepoint-coverage-comms', '/sharepoint?smh=coverage', person('comms').upn, { width: 1280, height: 1000 }],
    ['sharepoint-edit-narrow', '/sharepoint?smh=edit', person('comms').upn, { width: 380, height: 900 }]
  ];
  for (const [name, path, upn, viewport] of shots) {
    const ctx = await contextAs(browser, base, upn, viewport);
    const page = await ctx.newPage();
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: name.includes('narrow') });
    await ctx.close();
  }
  await browser.close();
  process.stdout.write(`Screenshots in ${out}\n`);
}

main().catch((e) => { process.stderr.write(String(e)); process.exit(1); });
