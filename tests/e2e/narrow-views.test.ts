import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { person } from '../../workbench/seed';
import { contextAs } from '../support/browser';
import { workbenchForFile } from '../support/workbenchSession';

// The product views at a phone's width in the Teams personal app: tables become stacked cards
// with labels rather than scrolling who (the first column) or whether they confirmed (the last)
// out of sight.

const DOCS_SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const NARROW = { width: 380, height: 800 };

const session = workbenchForFile();

describe('narrow views', () => {
  it("the coverage view's owners and backups reflow into labelled cards at 380 px", async () => {
    const ctx = await contextAs(session.browser, session.wb.url, person('comms').upn, NARROW);
    const page = await ctx.newPage();
    await page.goto('/teams/personal?theme=default&subEntityId=coverage');
    const table = page.getByTestId('key-people');
    await table.waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (let i = 0; i < await rows.count(); i++) {
      const [name, status] = [rows.nth(i).locator('td').first(), rows.nth(i).locator('td').last()];
      // Both ends of the row are on screen, one above the other, each with its column's name.
      for (const cell of [name, status]) {
        const box = (await cell.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(NARROW.width);
      }
      expect((await status.boundingBox())!.y).toBeGreaterThan((await name.boundingBox())!.y);
      await expect(status.evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"Acknowledged"');
    }
    // Still a table to assistive technology: the rows and headers keep their roles.
    await expect(page.getByRole('columnheader', { name: 'Acknowledged' }).count()).resolves.toBe(1);
    // Everyone else loads after the first paint; its table reflows the same way.
    await page.getByTestId('audience-coverage').waitFor();
    const pendingName = page.getByTestId('audience-pending').locator('tbody tr').first().locator('td').last();
    await expect(pendingName.evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"Role"');
    // The cards are still free of accessibility violations (the product only, not the host's chrome).
    const axe = await new AxeBuilder({ page }).include('[data-smh-host]').analyze();
    expect(axe.passes.length).toBeGreaterThan(10);
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'coverage-narrow-teams-personal.png'), fullPage: true });
    await ctx.close();
  });

  it('the same table stays a table where there is room', async () => {
    const ctx = await contextAs(session.browser, session.wb.url, person('comms').upn);
    const page = await ctx.newPage();
    await page.goto('/teams/personal?theme=default&subEntityId=coverage');
    const table = page.getByTestId('key-people');
    await table.waitFor();
    await expect(table.locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).resolves.toBe('table-row');
    await expect(table.locator('thead').evaluate((t) => t.getBoundingClientRect().height)).resolves.toBeGreaterThan(10);
    await ctx.close();
  });
});
