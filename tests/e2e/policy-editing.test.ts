import { join } from 'node:path';
import { SCREENSHOTS } from '../support/browser';
import { workbenchForFile } from '../support/workbenchSession';

// Issue 7's editing and compare view in the workbench: a comms officer removes a section and undoes
// it, sees the counters and the outline of a long policy, publishes a minor version with a reworded
// section, and the compare view marks the words that changed inside the section's own formatting.

const session = workbenchForFile();
const as = session.as;


describe('editing and comparing the policy in Chromium', () => {
  it('removes and restores a section, counts characters, jumps through the outline, publishes a reworded section', async () => {
    const page = await as('comms', '/sharepoint?smh=edit');
    const sections = page.getByRole('list', { name: 'Introduction', exact: true });
    const rows = sections.locator(':scope > li[data-row]');
    await rows.first().waitFor();
    const count = await rows.count();
    await page.getByRole('button', { name: 'Remove: Before an election' }).click();
    await expect(rows.count()).resolves.toBe(count - 1);
    const undo = page.getByRole('button', { name: 'Undo' });
    await page.getByText('Removed: Before an election.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-removed-undo.png') });
    await undo.click();
    await expect(rows.count()).resolves.toBe(count);
    await page.getByText('Before an election is back.').waitFor({ state: 'attached' });

    // The toolbar shows icons (registered), not text stand-ins.
    const bold = page.getByRole('button', { name: 'Bold' }).first();
    await expect(bold.locator('svg').count()).resolves.toBe(1);
    await expect(bold.textContent()).resolves.toBe('');

    // Reword the first section: the counter follows the text.
    const body = page.getByRole('textbox', { name: 'Section text' }).first();
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' We answer every question.');
    await page.getByText(/\d+ of 4,000 characters of text/).first().waitFor();

    await page.getByRole('button', { name: 'Go to' }).click();
    await page.getByRole('menuitem', { name: "Don'ts" }).click();
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-outline-sticky.png') });
    await page.getByLabel('What changed', { exact: true }).fill('We answer every question.');
    await page.getByRole('button', { name: 'Publish version 1.1' }).click();
    await page.getByText('Version 1.1 published.').waitFor({ timeout: 60_000 });
    await page.context().close();
  });

  it('the compare view marks the inserted words inside the section, and the compare tick shows', async () => {
    const page = await as('staff', '/sharepoint?smh=history');
    // Fluent draws the box on the label; the input itself is visually hidden.
    const tick = (name: string) => page.getByRole('checkbox', { name }).locator('xpath=..').locator('label').click();
    await tick('Compare version 1.1');
    await tick('Compare version 1.0');
    await page.getByText('What changed from version 1.0 to version 1.1').waitFor();
    const ins = page.locator('[data-area="section"] ins');
    await expect(ins.first().textContent()).resolves.toContain('We answer every question');
    // The tick is a registered icon, drawn.
    await expect(page.locator('.ms-Checkbox.is-checked .ms-Checkbox-checkmark svg').count()).resolves.toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'history-compare.png'), fullPage: true });
    await page.goto('/teams/tab?theme=dark&smh=history');
    await page.getByRole('button', { name: 'What changed in version 1.1 since version 1.0' }).click();
    await page.getByText('What changed from version 1.0 to version 1.1').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'history-compare-dark.png'), fullPage: true });
    await page.context().close();
  });
});
