import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { person } from '../../workbench/seed';
import { spAs } from '../support/emulator-sharepoint';
import { SCREENSHOTS } from '../support/browser';
import { workbenchForFile } from '../support/workbenchSession';

// The workbench driven like a person: a site owner sets the hub up (twice), then a member of staff
// reads the policy on the intranet page and in the Teams tab's dark theme.

// Screenshots the README shows are kept with the docs; the rest stay in test-results.
const DOCS_SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

const session = workbenchForFile({ seed: false });

describe('workbench in Chromium', () => {
  it('a member of staff cannot run set-up, and is told why', async () => {
    const page = await session.as('staff', '/sharepoint');
    await page.getByRole('tab', { name: 'Set-up' }).click();
    await page.getByText('Only a site owner can run set-up').waitFor();
    await page.context().close();
  });

  it('the site owner runs set-up; the second run changes nothing', async () => {
    // A list an earlier version made and this one retired: set-up keeps it and says so on every run.
    const owner = spAs(session.wb.emulator, person('siteOwner').upn);
    await owner.web.lists.add('SMH Vault Keys', 'Made by an earlier version', 100, false);
    await owner.web.lists.getByTitle('SMH Vault Keys').items.add({ Title: 'an old key' });
    const page = await session.as('siteOwner', '/sharepoint?smh=setup');
    await page.getByLabel('Organisation name').fill('Northshire Council');
    await page.getByLabel('Head of communications (name shown in the policy)').fill('Hannah Lewis');
    await page.getByRole('button', { name: 'Run set-up' }).click();
    await page.getByText('Set-up finished. The hub is ready on this site.').waitFor({ timeout: 90_000 });
    const result = page.locator('[data-setup-result]');
    await expect(result.textContent()).resolves.toMatch(/\d+ lists created, 2 groups, \d+ permissions set/);
    // The technical list is there but folded away; the next steps lead to SharePoint's own pages.
    await expect(result.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    const next = page.getByRole('list', { name: 'Next steps' });
    await expect(next.getByRole('link').first().getAttribute('href')).resolves.toMatch(/\/_layouts\/15\/people\.aspx\?MembershipGroupId=\d+$/);
    await expect(next.getByRole('link', { name: "Open the site's permissions" }).getAttribute('href')).resolves.toMatch(/\/_layouts\/15\/user\.aspx$/);
    const axe = await new AxeBuilder({ page }).include('[data-smh-host]').analyze();
    expect(axe.passes.length).toBeGreaterThan(10);
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'setup-done.png'), fullPage: true });
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'setup-first-run.png'), fullPage: true });
    await page.getByRole('button', { name: 'Run set-up' }).click();
    await page.getByText('Everything was already up to date. Nothing was changed.').waitFor({ timeout: 60_000 });
    await page.getByText('"SMH Vault Keys" is retired', { exact: false }).waitFor();
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'setup-second-run.png'), fullPage: true });
    await page.context().close();
  });

  it('a member of staff reads and searches the policy on the intranet page', async () => {
    const page = await session.as('staff', '/sharepoint');
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    await page.getByText('Hannah Lewis takes the final decision on every new organisational account.', { exact: false }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sharepoint-policy.png'), fullPage: true });
    await page.getByRole('searchbox').fill('hashtag');
    const dos = page.locator('.smh-dos li');
    // The policy's own advice and, since the hashtag check shipped, the sentence pointing to it.
    await expect(dos.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-item-id')))).resolves.toEqual(['do-hashtags', 'do-hashtags-hub']);
    await expect(dos.first().locator('mark').first().textContent()).resolves.toMatch(/hashtag/i);
    await page.context().close();
  });

  it('the Teams tab in the dark theme shows the policy on a dark background', async () => {
    const page = await session.as('staff', '/teams/tab?theme=dark');
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    const themed = page.locator('[data-smh-theme="dark"]');
    await expect(themed.count()).resolves.toBe(1);
    const text = await page.locator('.smh-dos li').first().evaluate((el) => getComputedStyle(el).color);
    expect(text).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-tab-dark.png') });
    await page.context().close();
  });

  it('works in a narrow window', async () => {
    const page = await session.as('staff', '/teams/personal?theme=default', { width: 380, height: 800 });
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-personal-narrow.png'), fullPage: true });
    await page.context().close();
  });
});
