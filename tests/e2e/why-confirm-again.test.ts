import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { person } from '../../workbench/seed';
import { contextAs, SCREENSHOTS } from '../support/browser';
import { workbenchForFile } from '../support/workbenchSession';

// Issue 7, "why confirm again", as people would live it: a member of staff confirms 1.0; comms
// publish 1.1 (minor: nobody is asked again), then 2.0 (major) with a section reworded. The staff
// banner says what changed since 1.0 (2.0's note, then 1.1's), the reworded section is marked
// "Changed" in the policy, and once they confirm the marks are gone.

const session = workbenchForFile();
const as = session.as;


/** axe-core over the product (not the workbench's chrome): the banner's list and the marks included. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-smh-host]').analyze();
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const CONFIRM = 'I have read the policy and will follow it';
const NEW_HEADING = 'Why this policy matters to you';
const DONT_DETAIL = 'Keep it off every account, even a private one: ask the communications team instead.';

describe('why confirm again, in Chromium', () => {
  it('staff confirm 1.0 on their first time', async () => {
    const page = await as('staff', '/sharepoint');
    await page.getByText('This is your first time: please read the whole policy.').waitFor();
    await page.getByRole('button', { name: CONFIRM }).click();
    await page.getByText(/You acknowledged version 1\.0 on/).first().waitFor();
    await page.context().close();
  });

  it('comms publish 1.1, a minor version: staff are not asked again', async () => {
    const comms = await as('comms', '/sharepoint?smh=edit');
    const body = comms.getByRole('textbox', { name: 'Section text' }).first();
    await body.click();
    await comms.keyboard.press('Control+End');
    await comms.keyboard.type(' Ask us if in doubt.');
    await comms.getByLabel('What changed', { exact: true }).fill('Ask us if in doubt.');
    await comms.getByRole('button', { name: 'Publish version 1.1' }).click();
    await comms.getByText('Version 1.1 published.').waitFor({ timeout: 60_000 });
    await comms.context().close();

    const staff = await as('staff', '/sharepoint');
    await staff.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    await staff.getByText(/You acknowledged version 1\.\d on/).first().waitFor();
    await expect(staff.getByRole('button', { name: CONFIRM }).count()).resolves.toBe(0);
    await expect(staff.getByRole('note', { name: /^Changed/ }).count()).resolves.toBe(0);
    await staff.context().close();
  });

  it('comms publish 2.0, a major version with a section renamed', async () => {
    const comms = await as('comms', '/sharepoint?smh=edit');
    await comms.getByLabel('Section heading', { exact: true }).first().fill(NEW_HEADING);
    await comms.getByRole('list', { name: "Don'ts", exact: true }).getByLabel('Explanation', { exact: true }).first().fill(DONT_DETAIL);
    await comms.getByText('Major: everyone must acknowledge again').click();
    await comms.getByLabel('What changed', { exact: true }).fill('The first section speaks to you; a clearer don\'t.');
    await comms.getByRole('button', { name: 'Publish version 2.0' }).click();
    await comms.getByRole('alertdialog').getByRole('button', { name: 'Yes, publish version 2.0' }).click();
    await comms.getByText('Version 2.0 published.').waitFor({ timeout: 60_000 });
    await comms.context().close();
  });

  it("staff see what changed since 1.0 in the banner and the renamed section marked, until they confirm", async () => {
    const ctx = await contextAs(session.browser, session.wb.url, person('staff').upn);
    const page = await ctx.newPage();
    const spRequests: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.includes('/_api/')) spRequests.push(new URL(r.url()).pathname); });
    await page.goto('/sharepoint');
    const since = page.getByTestId('changes-since');
    await since.getByText('What changed since version 1.0, the one you last confirmed:').waitFor();
    await expect(since.getByRole('listitem').allTextContents()).resolves.toEqual([
      "Version 2.0: The first section speaks to you; a clearer don't.",
      'Version 1.1: Ask us if in doubt.'
    ]);
    const mark = page.getByRole('note', { name: 'Changed since version 1.0, which you last confirmed' });
    await mark.first().waitFor();
    const section = page.locator('section[data-section-id]', { has: page.getByRole('heading', { name: NEW_HEADING }) });
    await expect(section.getByRole('note').textContent()).resolves.toBe('Changed');
    const dont = page.locator('.smh-donts li', { hasText: DONT_DETAIL });
    await expect(dont.getByRole('note').textContent()).resolves.toBe('Changed');
    await expect(mark.count()).resolves.toBe(2);
    await dont.screenshot({ path: join(SCREENSHOTS, 'why-confirm-again-item.png') });
    // The notes come with the first paint's one $batch; the marks cost one request more, after it
    // (1.0's content, to compare with).
    await page.waitForLoadState('networkidle');
    expect(spRequests[0]).toMatch(/\/_api\/\$batch$/);
    expect(spRequests).toHaveLength(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'why-confirm-again.png') });
    await expect(axeViolations(page)).resolves.toEqual([]);

    // The same answer in Teams (dark) and on a phone-sized screen.
    const teams = await as('staff', '/teams/tab?theme=dark');
    await teams.getByRole('note', { name: /^Changed since version 1\.0/ }).first().waitFor();
    await teams.getByTestId('changes-since').getByText('Version 2.0').waitFor();
    await teams.screenshot({ path: join(SCREENSHOTS, 'why-confirm-again-teams-dark.png') });
    await expect(axeViolations(teams)).resolves.toEqual([]);
    await teams.goto('/teams/tab?theme=contrast&smh=history');
    await teams.getByTestId('changes-since').getByText('Version 1.1').waitFor();
    await expect(axeViolations(teams)).resolves.toEqual([]);
    await teams.goto('/teams/tab?theme=contrast');
    await teams.getByRole('note', { name: /^Changed since version 1\.0/ }).first().waitFor();
    await expect(axeViolations(teams)).resolves.toEqual([]);
    await teams.context().close();
    const narrow = await as('staff', '/sharepoint', { width: 380, height: 800 });
    await narrow.getByRole('note', { name: /^Changed since version 1\.0/ }).first().waitFor();
    await narrow.screenshot({ path: join(SCREENSHOTS, 'why-confirm-again-380.png') });
    await narrow.context().close();

    await page.getByRole('button', { name: CONFIRM }).click();
    await page.getByText(/You acknowledged version 2\.0 on/).first().waitFor();
    await expect(mark.count()).resolves.toBe(0);
    await expect(since.count()).resolves.toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: NEW_HEADING }).waitFor();
    await expect(page.getByRole('note', { name: /^Changed/ }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
