import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { startWorkbench, type Workbench } from '../../workbench/harness';
import { person } from '../../workbench/seed';
import { launchBrowser, contextAs, SCREENSHOTS } from '../support/browser';
import { spAs } from '../support/emulator-sharepoint';
import { SpHashtagsRepository } from '../../src/data/sp/hashtagsRepository';

// Comms keep the register in the workbench: Chris Morgan (comms) changes an account's handle, and
// "is this account ours?" then finds it by the new handle; a member of staff is offered no edit.

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

async function openRegister(upn: string, path = '/sharepoint', viewport?: { width: number; height: number }): Promise<Page> {
  const ctx = await contextAs(browser, wb.url, upn, viewport);
  const page = await ctx.newPage();
  await page.goto(path);
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByTestId('register-table').waitFor();
  return page;
}

async function openAccount(page: Page, search: string, name: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search by name, handle or address' });
  await box.fill(search);
  await box.press('Enter');
  await page.getByTestId('register-summary').getByText(/^Showing 1 account/).waitFor();
  await page.getByTestId('register-table').getByRole('button', { name, exact: true }).click();
  await page.getByTestId('account-detail').getByText('Owner', { exact: true }).waitFor();
}

const ask = async (page: Page, text: string): Promise<string> => {
  await page.getByRole('textbox', { name: 'Account address or handle' }).fill(text);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByTestId('ours-answer').getByText(new RegExp(`^(Yes|No), `)).first().waitFor();
  return page.getByTestId('ours-answer').innerText();
};

it("Chris Morgan (comms) changes an account's handle; \"is this account ours?\" then finds it by the new one", async () => {
  const page = await openRegister(person('comms').upn);
  expect(await ask(page, 'https://x.com/NorthshireReads')).toMatch(/^No, @northshirereads on X/);
  await openAccount(page, 'facebook.com/NorthshireLibraries', 'Northshire Libraries');
  const panel = page.getByTestId('account-detail');
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  const handle = panel.getByRole('textbox', { name: 'Handle' });
  await expect(handle.inputValue()).resolves.toBe('northshirelibraries');
  // A handle of another platform is refused with the reason, and nothing is saved.
  await handle.fill('https://www.instagram.com/NorthshireReads');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await panel.getByText(/This address is on Instagram, but the account's platform is/).waitFor();
  await handle.fill('@NorthshireReads');
  await page.screenshot({ path: join(SCREENSHOTS, 'register-edit.png') });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await panel.getByText('Saved.', { exact: true }).waitFor();
  await panel.getByText('@NorthshireReads', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  // The platform of this entry is Facebook: the new handle is found at its Facebook address and bare.
  await expect(ask(page, 'https://www.facebook.com/NorthshireReads/')).resolves.toMatch(/^Yes, @northshirereads is ours\./);
  await expect(ask(page, '@northshirereads')).resolves.toContain('Owner: Olivia Reed');
  await page.context().close();
});

it('a member of staff is offered neither edit nor add', async () => {
  const page = await openRegister(person('staff').upn);
  await openAccount(page, 'x.com/NorthshireMuseums', 'Northshire Museums');
  await page.getByTestId('account-detail').getByText('Owning service', { exact: true }).waitFor();
  expect(await page.getByTestId('account-detail').getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
  expect(await page.getByTestId('account-add').count()).toBe(0);
  await page.context().close();
});

it('the edit form fits 380 px in Teams dark, and comms add an account there', async () => {
  const page = await openRegister(person('comms').upn, '/teams/tab?theme=dark', { width: 380, height: 800 });
  await page.getByTestId('hashtag-add').getByRole('textbox', { name: 'Hashtag' }).fill('#Northshire Reads');
  await page.getByTestId('hashtag-add').getByRole('button', { name: 'Add hashtag' }).click();
  await page.getByTestId('hashtag-add').getByText(/Remove spaces/).waitFor();
  await page.getByTestId('hashtags').screenshot({ path: join(SCREENSHOTS, 'register-hashtags-380-teams-dark.png') });
  await page.getByTestId('account-add').click();
  const panel = page.getByTestId('account-add-panel');
  await panel.getByRole('textbox', { name: 'Name' }).fill('Northshire Allotments');
  await panel.getByTestId('edit-platform').click();
  await page.getByRole('option', { name: 'Instagram', exact: true }).click();
  await panel.getByRole('textbox', { name: 'Handle' }).fill('@NorthshireAllotments');
  // Owner and backup are chosen from the directory (typing a name, or pasting an address).
  const owner = panel.getByRole('combobox', { name: /^Owner/ });
  await owner.pressSequentially('olivia');
  await page.getByRole('listbox').getByRole('option', { name: /Olivia Reed/ }).click();
  const backup = panel.getByRole('combobox', { name: /^Backup owner/ });
  await backup.fill(person('owner').upn);
  await page.getByRole('listbox').getByRole('option', { name: /Olivia Reed/ }).waitFor();
  await backup.press('Enter');
  await panel.getByRole('button', { name: 'Add to the register' }).click();
  await panel.getByText(/backup must be someone other than the owner/).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'register-add-380-teams-dark.png') });
  await panel.getByTestId('edit-backupEmail').getByRole('button', { name: /Remove/ }).click();
  await panel.getByRole('combobox', { name: /^Backup owner/ }).pressSequentially('ben h');
  await page.getByRole('listbox').getByRole('option', { name: /Ben Hughes/ }).click();
  await panel.getByRole('button', { name: 'Add to the register' }).click();
  // The new entry opens in its detail panel.
  await page.getByTestId('account-detail').getByText('Northshire Allotments (Instagram)').waitFor();
  await page.getByTestId('account-detail').getByText('Ben Hughes').waitFor();
  await page.context().close();
});

it('comms add a hashtag after the clean check, are refused a retired one, and retire a tag; staff read the list without changing it', async () => {
  const page = await openRegister(person('comms').upn);
  const section = page.getByTestId('hashtags');
  const add = async (tag: string, usedBy: string): Promise<void> => {
    await section.getByRole('textbox', { name: 'Hashtag' }).fill(tag);
    await section.getByRole('textbox', { name: 'Account or campaign' }).fill(usedBy);
    await section.getByRole('button', { name: 'Add hashtag' }).click();
  };
  await add('#BinDayReminder', 'Waste services');
  await section.getByText('#BinDayReminder is in the register.').waitFor();
  // Retire it; then the same tag, or one that differs only by digits for letters, is refused.
  await section.getByRole('button', { name: 'Retire #BinDayReminder' }).click();
  await section.getByText('#BinDayReminder is now Retired.').waitFor();
  await add('#B1nDayReminder', 'Waste services');
  await section.getByTestId('hashtag-matches').getByText(/differs from #BinDayReminder \(a hashtag we retired\) only in digits used for letters/).waitFor();
  expect(await section.getByRole('button', { name: /anyway/ }).count()).toBe(0);
  await add('bin day', 'Waste services');
  await section.getByText(/Start the hashtag with #/).waitFor();
  await section.screenshot({ path: join(SCREENSHOTS, 'register-hashtags.png') });
  await page.context().close();

  const staff = await openRegister(person('staff').upn);
  const row = staff.getByTestId('hashtags-table').locator('tr[data-tag="#BinDayReminder"]');
  await expect(row.innerText()).resolves.toMatch(/Retired/);
  expect(await staff.getByTestId('hashtag-add').count()).toBe(0);
  expect(await staff.getByTestId('hashtags').getByRole('button', { name: /^Retire/ }).count()).toBe(0);
  await staff.context().close();
});

it('in Teams dark at 380 px, a second editor is told someone saved first, sees what is saved and keeps their own input to re-apply', async () => {
  const page = await openRegister(person('comms').upn, '/teams/tab?theme=dark', { width: 380, height: 800 });
  await openAccount(page, 'x.com/NorthshireMuseums', 'Northshire Museums');
  const panel = page.getByTestId('account-detail');
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  const objectives = panel.getByRole('textbox', { name: 'Objectives and audience' });
  await objectives.fill('Chris: exhibitions and school visits.');
  // Hannah (comms head) saves the same entry meanwhile, in her own browser.
  const hannah = await openRegister(person('commsHead').upn);
  await openAccount(hannah, 'x.com/NorthshireMuseums', 'Northshire Museums');
  await hannah.getByTestId('account-detail').getByRole('button', { name: 'Edit', exact: true }).click();
  await hannah.getByTestId('account-detail').getByRole('textbox', { name: 'Owning service' }).fill('Culture and Heritage');
  await hannah.getByTestId('account-detail').getByRole('button', { name: 'Save changes' }).click();
  await hannah.getByTestId('account-detail').getByText('Saved.', { exact: true }).waitFor();
  await hannah.context().close();

  await panel.getByRole('button', { name: 'Save changes' }).click();
  const conflict = panel.getByTestId('edit-conflict');
  await conflict.getByText(/Someone else saved this account after you opened it/).waitFor();
  // What is saved now, where it differs from Chris's form: Hannah's service and the old objectives.
  await expect(conflict.innerText()).resolves.toContain('Culture and Heritage');
  await expect(objectives.inputValue()).resolves.toBe('Chris: exhibitions and school visits.');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'register-edit-conflict-380-teams-dark.png') });
  // He keeps his change and takes hers for the rest; the form shows both, and both stand once saved.
  await conflict.getByRole('button', { name: 'Keep my changes, take theirs for the rest' }).click();
  await expect(objectives.inputValue()).resolves.toBe('Chris: exhibitions and school visits.');
  await expect(panel.getByRole('textbox', { name: 'Owning service' }).inputValue()).resolves.toBe('Culture and Heritage');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await panel.getByText('Saved.', { exact: true }).waitFor();
  await panel.getByText('Culture and Heritage', { exact: true }).waitFor();
  await panel.getByText('Chris: exhibitions and school visits.', { exact: true }).waitFor();
  await page.context().close();
});

it('comms change the account or campaign of a hashtag; when someone changed it meanwhile they are told, see it, and keep their words', async () => {
  const page = await openRegister(person('comms').upn);
  const section = page.getByTestId('hashtags');
  await section.getByRole('textbox', { name: 'Hashtag' }).fill('#GritterWatch');
  await section.getByRole('textbox', { name: 'Account or campaign' }).fill('Highways');
  await section.getByRole('button', { name: 'Add hashtag' }).click();
  await section.getByText('#GritterWatch is in the register.').waitFor();
  const row = section.locator('tr[data-tag="#GritterWatch"]');
  await row.getByRole('button', { name: 'Change the account or campaign of #GritterWatch' }).click();
  const box = row.getByRole('textbox', { name: 'Account or campaign using #GritterWatch' });
  // The box takes focus, so a keyboard user carries straight on typing.
  expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
  await box.fill('Highways winter service');
  await row.getByRole('button', { name: 'Save' }).click();
  await section.getByText('#GritterWatch: account or campaign saved.').waitFor();
  await row.getByText('Highways winter service').waitFor();

  // Hannah changes it elsewhere while Chris is typing his change.
  await row.getByRole('button', { name: 'Change the account or campaign of #GritterWatch' }).click();
  await box.fill('Gritting campaign 2026');
  const hannah = new SpHashtagsRepository(spAs(wb.emulator, person('commsHead').upn));
  const read = (await hannah.list()).find((t) => t.tag === '#GritterWatch')!;
  await hannah.update(read.id, read.etag!, { usedBy: 'Roads team' });
  await row.getByRole('button', { name: 'Save' }).click();
  await section.getByText('Someone else changed #GritterWatch just before you: it now says "Roads team". Nothing of yours was saved; your words are still in the box, so save again if you still want them.').waitFor();
  expect(await box.inputValue()).toBe('Gritting campaign 2026');
  expect((await hannah.list()).find((t) => t.tag === '#GritterWatch')!.usedBy).toBe('Roads team');
  // Saving again, over the version now shown, is his deliberate choice.
  await row.getByRole('button', { name: 'Save' }).click();
  await section.getByText('#GritterWatch: account or campaign saved.').waitFor();
  await row.getByText('Gritting campaign 2026').waitFor();
  await page.context().close();

  const staff = await openRegister(person('staff').upn);
  const seen = staff.getByTestId('hashtags-table').locator('tr[data-tag="#GritterWatch"]');
  await seen.getByText('Gritting campaign 2026').waitFor();
  expect(await staff.getByTestId('hashtags').getByRole('button', { name: /Change the account or campaign/ }).count()).toBe(0);
  await staff.context().close();
});
