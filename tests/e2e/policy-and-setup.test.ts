import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/harness';
import { person } from '../../workbench/seed';
import { launchBrowser, contextAs, SCREENSHOTS } from '../support/browser';

// The workbench driven like a person: a site owner sets the hub up (twice), then a member of staff
// reads the policy on the intranet page and in the Teams tab's dark theme.

let wb: Workbench;
let browser: Browser;

beforeAll(async () => {
  wb = await startWorkbench({ seed: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
});

describe('workbench in Chromium', () => {
  it('a member of staff cannot run set-up, and is told why', async () => {
    const ctx = await contextAs(browser, wb.url, person('staff').upn);
    const page = await ctx.newPage();
    await page.goto('/sharepoint');
    await page.getByRole('tab', { name: 'Set-up' }).click();
    await page.getByText('Only a site owner can run set-up').waitFor();
    await ctx.close();
  });

  it('the site owner runs set-up; the second run changes nothing', async () => {
    const ctx = await contextAs(browser, wb.url, person('siteOwner').upn);
    const page = await ctx.newPage();
    await page.goto('/sharepoint?smh=setup');
    await page.getByLabel('Organisation name').fill('Northshire Council');
    await page.getByLabel('Head of communications (name shown in the policy)').fill('Hannah Lewis');
    await page.getByRole('button', { name: 'Run set-up' }).click();
    await page.getByText(/Set-up finished with \d+ changes/).waitFor({ timeout: 90_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'setup-done.png'), fullPage: true });
    await page.getByRole('button', { name: 'Run set-up' }).click();
    await page.getByText('Everything was already up to date. Nothing was changed.').waitFor({ timeout: 60_000 });
    await ctx.close();
  });

  it('a member of staff reads and searches the policy on the intranet page', async () => {
    const ctx = await contextAs(browser, wb.url, person('staff').upn);
    const page = await ctx.newPage();
    await page.goto('/sharepoint');
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    await page.getByText('Hannah Lewis takes the final decision on every new organisational account.', { exact: false }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sharepoint-policy.png'), fullPage: true });
    await page.getByRole('searchbox').fill('hashtag');
    const dos = page.locator('.smh-dos li');
    await expect(dos.count()).resolves.toBe(1);
    await expect(dos.first().locator('mark').first().textContent()).resolves.toMatch(/hashtag/i);
    await ctx.close();
  });

  it('the Teams tab in the dark theme shows the policy on a dark background', async () => {
    const ctx = await contextAs(browser, wb.url, person('staff').upn);
    const page = await ctx.newPage();
    await page.goto('/teams/tab?theme=dark');
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    const themed = page.locator('[data-smh-theme="dark"]');
    await expect(themed.count()).resolves.toBe(1);
    const text = await page.locator('.smh-dos li').first().evaluate((el) => getComputedStyle(el).color);
    expect(text).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-tab-dark.png') });
    await ctx.close();
  });

  it('works in a narrow window', async () => {
    const ctx = await contextAs(browser, wb.url, person('staff').upn, { width: 380, height: 800 });
    const page = await ctx.newPage();
    await page.goto('/teams/personal?theme=default');
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-personal-narrow.png'), fullPage: true });
    await ctx.close();
  });
});
