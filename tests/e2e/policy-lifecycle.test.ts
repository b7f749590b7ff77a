import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/harness';
import { person } from '../../workbench/seed';
import { launchBrowser, contextAs, SCREENSHOTS } from '../support/browser';

// Issue 3 end to end, in the workbench as people would do it: comms publish a major version; a member
// of staff is asked on every view, reads and acknowledges, and is no longer asked; an account owner
// gets the Teams notification, whose link opens the policy in the Teams personal app.

let wb: Workbench;
let browser: Browser;

beforeAll(async () => {
  wb = await startWorkbench({ seed: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
});

async function as(p: Parameters<typeof person>[0], path: string): Promise<Page> {
  const ctx = await contextAs(browser, wb.url, person(p).upn);
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

describe('policy lifecycle in Chromium', () => {
  it('comms edit the policy and publish a major version; owners and backups are notified', async () => {
    const page = await as('comms', '/sharepoint?smh=edit');
    await page.getByRole('button', { name: 'Add a do', exact: true }).click();
    const dos = page.getByRole('list', { name: "Do's", exact: true });
    await dos.getByLabel('Headline', { exact: true }).last().fill('Celebrate what works');
    await dos.getByLabel('Explanation', { exact: true }).last().fill('Share good results with the communications team so others can learn from them.');
    await page.getByText('Major: everyone must acknowledge again').click();
    await page.getByLabel('What changed', { exact: true }).fill('A new do: celebrate what works.');
    await page.getByRole('button', { name: 'Publish version 2.0' }).click();
    // A major version asks first, with how many owners and backups will be notified.
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(/\d+ account owners? (and|or) backups? will be sent a Teams notification\./).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-confirm-major.png') });
    await confirm.getByRole('button', { name: 'Yes, publish version 2.0' }).click();
    await page.getByText('Version 2.0 published.').waitFor({ timeout: 60_000 });
    await page.getByText(/Teams notification delivered to (\d+) of \1 owners and backups/).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-published.png'), fullPage: true });
    await page.context().close();
  });

  it('a member of staff is asked on every view until they acknowledge, then no more', async () => {
    const page = await as('staff', '/sharepoint?smh=history');
    const banner = page.getByText('Version 2.0 of the social media policy needs your acknowledgement.');
    await banner.first().waitFor();
    await page.getByRole('button', { name: 'Read and acknowledge' }).click();
    await page.getByText('Celebrate what works', { exact: true }).waitFor();
    await page.getByText('What changed in 2.0: A new do: celebrate what works.').waitFor();
    await page.getByRole('button', { name: 'I have read the policy and will follow it' }).click();
    await page.getByText(/You acknowledged version 2\.0 on/).first().waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByText('2.0').first().waitFor();
    await expect(banner.count()).resolves.toBe(0);
    await page.goto('/sharepoint');
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    await expect(page.getByRole('button', { name: 'I have read the policy and will follow it' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("an owner's Teams activity feed has the notification, and its link opens the policy in the personal app", async () => {
    const page = await as('owner', '/teams/tab?theme=dark');
    await page.getByTestId('open-activity').click();
    const entry = page.getByRole('link', { name: /published version 2\.0 of the social media policy/ });
    await entry.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-activity-feed.png') });
    await entry.click();
    await page.waitForURL(/\/teams\/personal\?.*subEntityId=policy/);
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    await page.getByRole('button', { name: 'I have read the policy and will follow it' }).waitFor();
    await expect(page.locator('[data-smh-host="teamsPersonal"][data-smh-theme="dark"]').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('comms see who has acknowledged and what the notification reached', async () => {
    const page = await as('comms', '/sharepoint?smh=coverage');
    await page.getByTestId('key-people').waitFor();
    await page.getByText(/Acknowledgements of version 2\.0 in all: \d+/).waitFor();
    await page.getByTestId('delivery-report').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to CSV' }).click()]);
    const path = await download.path();
    const csv = require('node:fs').readFileSync(path, 'utf8') as string;
    expect(csv.split('\r\n')[0]).toContain('Name,E-mail,Role,Accounts,Acknowledged 2.0');
    expect(csv).toContain('sam.patel@northshire.gov.uk');
    await page.context().close();
  });
});
