import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { person, spAs } from '../../workbench/seed';
import { SpPolicyRepository } from '../../src/data/sp/policyRepository';
import { SCREENSHOTS } from '../support/browser';
import { workbenchForFile } from '../support/workbenchSession';

// Issue 7's "no lost edits" in Chromium: Chris Morgan (comms officer) and Hannah Lewis (head of
// comms, also in the comms group) open the editor on the same version, each rewords a different
// section and publishes. Chris's lands first; Hannah is told, and nothing of hers is published
// until she has chosen in the three-way view; after she keeps her section, the version in force
// holds both changes.

const session = workbenchForFile();
const as = session.as;


/** The version in force as SharePoint holds it, read as someone entitled (comms), outside the session.browser. */
async function inForce() {
  const repo = new SpPolicyRepository(spAs(session.wb.siteUrl, person('comms').upn));
  const [newest] = await repo.listVersions();
  return repo.getVersion(newest.id);
}

/** axe-core over the three-way view (the workbench's own chrome aside). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="merge-view"]').analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

async function reword(page: Page, index: number, words: string): Promise<void> {
  const body = page.getByRole('textbox', { name: 'Section text' }).nth(index);
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
}

describe('two comms people publishing at once', () => {
  it('one wins, the other sees the conflict, chooses, and the version in force holds both changes', async () => {
    const before = await inForce();
    const chris = await as('comms', '/sharepoint?smh=edit');
    const hannah = await as('commsHead', '/sharepoint?smh=edit');
    const nextLabel = `${before.major}.${before.minor + 1}`;
    for (const page of [chris, hannah]) await page.getByRole('textbox', { name: 'Section text' }).first().waitFor();

    await reword(chris, 0, ' Chris added this sentence.');
    await reword(hannah, 1, ' Hannah added this sentence.');
    for (const [page, note] of [[chris, 'Chris: first section.'], [hannah, 'Hannah: second section.']] as const) {
      await page.getByLabel('What changed', { exact: true }).fill(note);
    }
    const firstHeading = before.content.sections[0].heading;
    const secondHeading = before.content.sections[1].heading;

    await chris.getByRole('button', { name: `Publish version ${nextLabel}` }).click();
    await chris.getByText(`Version ${nextLabel} published.`).waitFor({ timeout: 60_000 });

    await hannah.getByRole('button', { name: `Publish version ${nextLabel}` }).click();
    await hannah.getByText(`Version ${nextLabel} was published while you were editing.`, { exact: false }).waitFor({ timeout: 60_000 });
    // Refused: the version in force is Chris's, with nothing of Hannah's.
    const afterChris = await inForce();
    expect(afterChris.label).toBe(nextLabel);
    expect(afterChris.changeSummary).toBe('Chris: first section.');
    expect(afterChris.content.sections[0].body).toContain('Chris added this sentence.');
    expect(JSON.stringify(afterChris.content)).not.toContain('Hannah added');
    // Her draft is still on screen.
    await expect(hannah.getByRole('textbox', { name: 'Section text' }).nth(1).textContent()).resolves.toContain('Hannah added this sentence.');

    await hannah.getByRole('button', { name: 'Review changes' }).click();
    const merge = hannah.getByTestId('merge-view');
    await merge.waitFor({ timeout: 60_000 });
    const part = (id: string) => merge.locator(`[data-merge-part="section:${id}"]`);
    await expect(part(before.content.sections[0].id).getAttribute('data-merge-state')).resolves.toBe('published');
    await expect(part(before.content.sections[1].id).getAttribute('data-merge-state')).resolves.toBe('theirs');
    await part(before.content.sections[0].id).getByText(`Only version ${nextLabel} changed this: its text is kept.`).waitFor();
    await expect(part(before.content.sections[0].id).locator('[data-side="published"] ins').first().textContent()).resolves.toContain('Chris added this sentence');
    await hannah.screenshot({ path: join(SCREENSHOTS, 'editor-three-way.png'), fullPage: true });
    expect(await violations(hannah)).toEqual([]);

    // The same draft in the Teams tab, dark theme (the draft lives in this browser, for this site and person).
    const teams = await hannah.context().newPage();
    await teams.goto('/teams/tab?theme=dark&smh=edit');
    await teams.getByRole('button', { name: 'Review changes' }).click();
    await teams.getByTestId('merge-view').waitFor({ timeout: 60_000 });
    // The Teams frame scrolls inside itself: the viewport is what a person sees.
    await teams.screenshot({ path: join(SCREENSHOTS, 'editor-three-way-teams-dark.png') });
    expect(await violations(teams)).toEqual([]);
    await teams.close();

    // Hannah keeps her own section explicitly, then uses the result as her draft and publishes it.
    await part(before.content.sections[1].id).getByRole('button', { name: `Keep mine: ${secondHeading}` }).click();
    await merge.getByRole('button', { name: 'Use this as my draft' }).click();
    await hannah.getByText(new RegExp(`Your draft now starts from version ${nextLabel.replace('.', '\\.')}`)).waitFor();
    const secondLabel = `${before.major}.${before.minor + 2}`;
    await hannah.getByRole('button', { name: `Publish version ${secondLabel}` }).click();
    await hannah.getByText(`Version ${secondLabel} published.`).waitFor({ timeout: 60_000 });

    const both = await inForce();
    expect(both.label).toBe(secondLabel);
    expect(both.content.sections[0].heading).toBe(firstHeading);
    expect(both.content.sections[0].body).toContain('Chris added this sentence.');
    expect(both.content.sections[1].body).toContain('Hannah added this sentence.');
    await chris.context().close();
    await hannah.context().close();
  });
});
