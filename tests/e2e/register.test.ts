import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { person } from '../../workbench/seed';
import { SCREENSHOTS } from '../support/browser';
import { workbenchForFile } from '../support/workbenchSession';
import { spAs } from '../support/emulator-sharepoint';
import { SpAccountUpdates } from '../../src/data/sp/accountUpdatesRepository';

// The register as a member of staff meets it in the workbench: search, filter, sort, page, open an
// account, and ask "is this account ours?" with an address the way people paste it; then the same
// view at a phone's width, reflowed rather than scrolling sideways.

const DOCS_SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const session = workbenchForFile({ seed: true });

async function openRegister(viewport?: { width: number; height: number }, path = '/sharepoint'): Promise<Page> {
  const page = await session.as('staff', path, viewport);
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByTestId('register-table').waitFor();
  return page;
}

const names = (page: Page) => page.getByTestId('register-table').locator('tbody tr td:first-child').allInnerTexts();
const column = (page: Page, n: number) => page.getByTestId('register-table').locator(`tbody tr td:nth-child(${n})`).allInnerTexts();

async function pick(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the account register', () => {
  it('searches, filters, sorts, pages and opens an account', async () => {
    const page = await openRegister();
    // Page 1 of the demo register, in name order, with a next page.
    expect(await page.getByTestId('register-table').locator('tbody tr').count()).toBe(20);
    const firstPage = await names(page);
    expect([...firstPage].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))).toEqual(firstPage);
    const ids = () => page.getByTestId('register-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-account-id')));
    const firstIds = await ids();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2', { exact: true }).waitFor();
    // Page 2 continues where page 1 ended: the rest of the 31 demo accounts, none shown twice.
    const secondIds = await ids();
    expect(secondIds).toHaveLength(11);
    expect(new Set([...firstIds, ...secondIds]).size).toBe(31);
    await expect(page.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByText('Page 1', { exact: true }).waitFor();

    // Sorting by name again turns the order round.
    await page.getByRole('button', { name: 'Name ↑' }).click();
    await page.getByRole('button', { name: 'Name ↓' }).waitFor();
    expect((await names(page))[0]).toBe('Visit Northshire');

    await page.getByRole('searchbox', { name: 'Search by name, handle or address' }).fill('libraries');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid="register-table"] tbody tr td:first-child')];
      return cells.length > 0 && cells.every((td) => /Libraries/.test(td.textContent ?? ''));
    });
    expect(new Set(await names(page))).toEqual(new Set(['Northshire Libraries']));
    await pick(page, 'filter-platform', 'Facebook');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="register-table"] tbody tr').length === 1);
    expect(await column(page, 2)).toEqual(['Facebook']);
    await page.screenshot({ path: join(SCREENSHOTS, 'register-filtered.png'), fullPage: true });

    await page.getByTestId('register-table').getByRole('button', { name: 'Northshire Libraries' }).click();
    const detail = page.getByRole('dialog');
    await detail.getByRole('link', { name: 'olivia.reed@northshire.gov.uk' }).waitFor();
    const shown = await detail.innerText();
    for (const text of ['Owner\nOlivia Reed', 'Backup owner\nBen Hughes', 'Staffed hours\nMon–Fri 09:00–17:00. The profile says so.', 'within 8 hours', '#NorthshireReads', 'Request 12', 'Owning service\nLibraries']) {
      expect(shown).toContain(text);
    }
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'register-detail.png') });
    // From the detail, every account its owner holds.
    await detail.getByRole('button', { name: 'Show the accounts Olivia Reed owns' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await pick(page, 'filter-owner', 'Me');
    await page.getByText('No account matches. Try fewer filters or another spelling.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await pick(page, 'filter-status', 'Closed');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="register-table"] tbody tr').length === 3);
    expect(new Set(await column(page, 5))).toEqual(new Set(['Closed']));
    await page.context().close();
  });

  it("the owner files how the account is run and it counts; a colleague's update is kept but does not count", async () => {
    // Sam Patel (not the owner) adds an update through the list, which SharePoint lets anyone do.
    const sam = spAs(session.wb.emulator, person('staff').upn);
    const samId = (await sam.web.currentUser.select('Id')<{ Id: number }>()).Id;
    const [libraries] = await sam.web.lists.getByTitle('SMH Accounts').items.filter("Platform eq 'Facebook' and Title eq 'Northshire Libraries'").select('Id')<{ Id: number }[]>();
    await new SpAccountUpdates(sam, async () => samId).add(libraries.Id, { rota: 'Sam runs it now', staffedHours: '{"always":true}', profileStatesHours: false, responseTargetHours: 1, contentPlan: 'Anything' }, 'e2e-planted');

    const page = await session.as('owner', '/teams/tab');
    await page.getByRole('tab', { name: 'Accounts' }).click();
    await page.getByRole('textbox', { name: 'Account address or handle' }).fill('facebook.com/northshirelibraries');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('button', { name: 'Northshire Libraries on Facebook (Active)' }).click();
    const detail = page.getByRole('dialog');
    const ops = detail.getByTestId('account-operations');
    await ops.getByText('The owner has not recorded how the account is run yet.').waitFor();
    await ops.getByText('Not counted, because their authors are not this account\'s owner or backup: updates by Sam Patel', { exact: false }).waitFor();
    await ops.getByRole('button', { name: 'Update how the account is run' }).click();
    await ops.getByRole('button', { name: 'Save update' }).click();
    await ops.getByText('Say who looks after the account when, and who covers leave.').waitFor();
    // The form, with its problems showing, is free of accessibility violations (the product only).
    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(axe.passes.length).toBeGreaterThan(10);
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await ops.getByLabel('Rota').fill('Olivia weekdays; Ben covers leave and Saturdays.');
    await ops.getByRole('button', { name: 'Add a time slot' }).click();
    await ops.getByLabel('Response target').fill('8');
    await ops.getByLabel('Content plan').fill('Events on Mondays, reading lists on Thursdays.');
    await ops.getByRole('button', { name: 'Save update' }).click();
    await ops.getByText('Saved. This is now how the account is run.').waitFor();
    await ops.getByText(/^Last updated by Olivia Reed on /).waitFor();
    await ops.getByText('Olivia weekdays; Ben covers leave and Saturdays.').waitFor();
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'register-operations-teams.png'), fullPage: true });
    await page.context().close();
  });

  it('answers "is this account ours?" from an address as people paste it', async () => {
    const page = await openRegister();
    const answer = page.getByTestId('ours-answer');
    await page.getByRole('textbox', { name: 'Account address or handle' }).fill('https://m.facebook.com/NorthshireLibraries/?ref=bookmarks#about');
    await page.getByRole('button', { name: 'Check' }).click();
    await answer.getByText('Yes, @northshirelibraries is ours.').waitFor();
    await expect(answer.innerText()).resolves.toContain('Owner: Olivia Reed (olivia.reed@northshire.gov.uk)');
    await expect(answer.innerText()).resolves.toContain('Backup: Ben Hughes (ben.hughes@northshire.gov.uk)');
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'register.png'), fullPage: true });
    // The answer opens the account.
    await answer.getByRole('button', { name: 'Northshire Libraries on Facebook (Active)' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'olivia.reed@northshire.gov.uk' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('textbox', { name: 'Account address or handle' }).fill('twitter.com/northshirelibraries');
    await page.getByRole('button', { name: 'Check' }).click();
    await answer.getByText('No, @northshirelibraries on X is not in the organisation\'s register.').waitFor();
    await expect(answer.innerText()).resolves.toMatch(/The same handle is ours on: .*Facebook/);
    await expect(answer.innerText()).resolves.toContain('tell the communications team');

    await page.getByRole('textbox', { name: 'Account address or handle' }).fill('https://www.instagram.com/p/Cx1abc/');
    await page.getByRole('button', { name: 'Check' }).click();
    await answer.getByText(/not an account's profile/).waitFor();
    await page.context().close();
  });

  it('reflows into labelled cards at 380 px in the Teams personal app, without scrolling sideways', async () => {
    const NARROW = { width: 380, height: 800 };
    const page = await openRegister(NARROW, '/teams/personal?theme=default');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const row = page.getByTestId('register-table').locator('tbody tr').first();
    const [name, owner] = [row.locator('td').first(), row.locator('td').last()];
    for (const cell of [name, owner]) {
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(NARROW.width);
    }
    await expect(owner.evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"Owner and backup"');
    await page.getByRole('textbox', { name: 'Account address or handle' }).fill('@visitnorthshire');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('ours-answer').getByText('Yes, @visitnorthshire is ours.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'register-380-ours.png') });
    // No headers to click on cards: the sort is a field of its own.
    await pick(page, 'sort', 'Name ↓');
    await page.waitForFunction(() => document.querySelector('[data-testid="register-table"] tbody tr td:first-child')?.textContent?.includes('Visit Northshire'));
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'register-380.png') });
    await page.context().close();
  });
});
