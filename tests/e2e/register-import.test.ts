import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { workbenchForFile } from '../support/workbenchSession';
import { SCREENSHOTS } from '../support/browser';

// Chris Morgan (comms) imports an existing register from a CSV file in the workbench: a file with one
// bad row is reported row by row and nothing is written; the fixed file imports, and the accounts are
// in the register and "is this account ours?" finds them.

const session = workbenchForFile();

const HEAD = 'Name,Platform,Handle,Status,Owner e-mail,Backup e-mail,Staffed hours,Notes';
const file = (bad: boolean) => Buffer.from(`\ufeff${[
  HEAD,
  'Northshire Orchards,Instagram,https://www.instagram.com/northshireorchards/,Active,olivia.reed@northshire.gov.uk,ben.hughes@northshire.gov.uk,Mon-Fri 09:00-17:00,kept in a spreadsheet',
  `"Northshire Orchards, Events",X,@NorthshireOrchardsEvents,Active,${bad ? 'olivia.reid@northshire.gov.uk' : 'olivia.reed@northshire.gov.uk'},,,`,
  'Northshire Allotments,Facebook,facebook.com/NorthshireAllotments,Proposed,,,,'
].join('\r\n')}\r\n`);

async function openRegister(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByTestId('register-table').waitFor();
}

const search = async (page: Page, text: string): Promise<string> => {
  const box = page.getByRole('searchbox', { name: 'Search by name, handle or address' });
  await box.fill(text);
  await box.press('Enter');
  await page.getByTestId('register-summary').or(page.getByText('No account matches.', { exact: false })).first().waitFor();
  return (await page.getByTestId('register').innerText());
};

it('comms import a file with one bad row (reported, nothing written), fix it, import, and find the accounts', async () => {
  const page = await session.as('comms', '/sharepoint');
  await openRegister(page);
  await page.getByTestId('import-open').click();
  const panel = page.getByTestId('import-panel');
  await panel.getByTestId('import-file').setInputFiles({ name: 'orchards.csv', mimeType: 'text/csv', buffer: file(true) });
  await panel.getByTestId('import-preview').waitFor();
  await expect(panel.getByTestId('import-summary').innerText()).resolves.toBe('3 rows read: 2 ready to import, 1 with problems.');
  const problems = await panel.getByTestId('import-problems').getByRole('row').allInnerTexts();
  expect(problems.slice(1).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
    '3 Owner e-mail Nobody in the organisation has the address olivia.reid@northshire.gov.uk. Check the spelling, or write their work address.'
  ]);
  await expect(panel.getByTestId('import-ignored').innerText()).resolves.toContain('Notes: the register has no such column');
  await expect(panel.getByTestId('import-go').isDisabled()).resolves.toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'register-import-preview.png') });
  // Nothing was written: the register has none of the file's accounts.
  await page.getByRole('button', { name: 'Close' }).first().click();
  await expect(search(page, "Northshire Orchards")).resolves.toContain('No account matches.');

  await page.getByTestId('import-open').click();
  await panel.getByTestId('import-other-file').click();
  await panel.getByTestId('import-file').setInputFiles({ name: 'orchards.csv', mimeType: 'text/csv', buffer: file(false) });
  await expect(panel.getByTestId('import-summary').innerText()).resolves.toBe('3 rows read: 3 ready to import, 0 with problems.');
  await panel.getByTestId('import-go').click();
  await expect(panel.getByTestId('import-done').innerText()).resolves.toBe('3 accounts imported. They are in the register now.');
  await panel.getByRole('button', { name: 'Close', exact: true }).last().click();

  await expect(search(page, "Northshire Orchards")).resolves.toMatch(/Northshire Orchards, Events[\s\S]*@NorthshireOrchardsEvents/);
  await page.getByRole('textbox', { name: 'Account address or handle' }).fill('https://instagram.com/NorthshireOrchards?hl=en');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('ours-answer').innerText()).resolves.toMatch(/^Yes, @northshireorchards is ours\.[\s\S]*Owner: Olivia Reed/);
  await page.context().close();

  // A member of staff sees them too, and is offered no import.
  const staff = await session.as('staff', '/sharepoint');
  await openRegister(staff);
  await expect(search(staff, 'Allotments')).resolves.toContain('Northshire Allotments');
  expect(await staff.getByTestId('import-open').count()).toBe(0);
  await staff.context().close();
});
