import { workbenchForFile } from '../support/workbenchSession';
import { contextAs } from '../support/browser';
import { person } from '../../workbench/seed';

// Credential custody in the workbench, driven like people: Chris Morgan (comms) creates a vault key,
// Olivia Reed (owner) shares her account's password from the register, and Chris unlocks and reveals
// it; the secret hides itself again (the page's clock is moved on, nobody waits). Throughout, the
// password appears nowhere the server or the browser kept it.

const session = workbenchForFile();
const PASSPHRASE = 'chris remembers this long phrase';
const PASSWORD = 'Olivia-Secret-Pa55-in-the-browser';

it('an owner shares a password, comms reveal it, it hides again, and it is stored nowhere in clear', async () => {
  const chris = await session.as('comms', '/sharepoint?smh=vault');
  const create = chris.getByTestId('vault-create');
  await create.getByLabel('Passphrase', { exact: true }).fill('too short');
  await create.getByText('9 characters. At least 15.').waitFor();
  await create.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await create.getByLabel('Passphrase again').fill(PASSPHRASE);
  await create.getByRole('button', { name: 'Create my key' }).click();
  await chris.getByText(/^Your vault key is ready/).waitFor();

  const olivia = await session.as('owner', '/sharepoint');
  await olivia.getByRole('tab', { name: 'Accounts' }).click();
  const box = olivia.getByRole('searchbox', { name: 'Search by name, handle or address' });
  await box.fill('facebook.com/NorthshireLibraries');
  await box.press('Enter');
  await olivia.getByTestId('register-summary').getByText(/^Showing 1 account/).waitFor();
  await olivia.getByTestId('register-table').getByRole('button', { name: 'Northshire Libraries', exact: true }).click();
  const panel = olivia.getByTestId('account-detail');
  await panel.getByRole('button', { name: 'Share credentials' }).click();
  await panel.getByLabel('Username').fill('northshire_libraries');
  await panel.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await panel.getByText('Two-step verification is on').click();
  await panel.getByRole('button', { name: 'Encrypt and share' }).click();
  await panel.getByText(/^Shared with 1 members of comms/).waitFor();
  await panel.getByTestId('vault-share-report').waitFor();
  // The form was emptied, and neither storage of the owner's browser kept the password.
  await panel.getByRole('button', { name: 'Share credentials' }).waitFor();
  const storage = await olivia.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  expect(storage).not.toContain(PASSWORD);

  // Everything the server received and keeps: every list, the activity log, settings, the Teams feed, every request body.
  const stored = JSON.stringify(session.wb.emulator.store) + JSON.stringify(session.wb.emulator.requestLog.all());
  expect(stored).toContain('credentialsShared');
  expect(stored).not.toContain(PASSWORD);

  // Chris, in a page whose clock the test controls, unlocks and reveals.
  const ctx = await contextAs(session.browser, session.wb.url, person('comms').upn);
  const page = await ctx.newPage();
  await page.clock.install();
  await page.goto('/sharepoint?smh=vault');
  await page.getByTestId('vault-unlock').getByLabel('Passphrase', { exact: true }).fill('not the right passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByText(/^That passphrase does not open your vault key/).waitFor();
  await page.getByTestId('vault-unlock').getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByText(/^Unlocked on this page/).waitFor();
  await page.getByRole('button', { name: 'Reveal the credentials of Northshire Libraries' }).click();
  const secret = page.getByTestId('vault-secret');
  await secret.getByText(PASSWORD, { exact: true }).waitFor();
  await expect(secret.getByText('northshire_libraries', { exact: true }).count()).resolves.toBe(1);
  await page.clock.fastForward(31_000);
  await secret.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Reveal the credentials of Northshire Libraries' }).waitFor();
  const chrisStorage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  expect(chrisStorage).not.toContain(PASSWORD);
  expect(chrisStorage).not.toContain(PASSPHRASE);
  // Lock forgets the key: reveal is no longer offered.
  await page.getByRole('button', { name: 'Lock the vault' }).click();
  await page.getByTestId('vault-unlock').waitFor();
  await expect(page.getByRole('button', { name: 'Reveal the credentials of Northshire Libraries' }).count()).resolves.toBe(0);
  await chris.context().close();
  await olivia.context().close();
  await ctx.close();
});
