import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { person } from '../../workbench/seed';
import { workbenchForFile } from '../support/workbenchSession';

// Coverage of everyone, in the workbench as comms would use it: "X of Y" over the organisation's
// enabled people (from the directory), who is still to confirm by department, the export of both,
// and a Teams reminder whose report says how many were sent and who could not be reached.

const DOCS_SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

const session = workbenchForFile();
const as = session.as;
const confirmPolicy = session.confirmPolicy;



it('comms see X of Y, who is still to confirm, export both, remind them, and the report says what was sent and who was not reachable', async () => {
  await confirmPolicy('staff');
  await confirmPolicy('owner');

  const page = await as('comms', '/sharepoint?smh=coverage');
  // Seven people in the directory, one of them a leaver with a disabled account: six to confirm.
  await page.getByTestId('audience-coverage').getByText('2 of 6 people (33%) have confirmed version 1.0.').waitFor();
  await page.getByText('Audience: every enabled member of the organisation (guests are not included).').waitFor();
  const pending = page.getByTestId('audience-pending');
  const names = await pending.locator('tbody tr td:first-child').allInnerTexts();
  // The backup first (owners and backups lead), then the rest by name; nobody who confirmed.
  expect(names.map((n) => n.split('\n')[0])).toEqual(['Ben Hughes', 'Chris Morgan', 'Hannah Lewis', 'Simon Clarke']);

  // By department: Libraries has Olivia (confirmed) and Ben (not).
  await page.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option', { name: 'Libraries (2 people, 1 to confirm)' }).click();
  await expect(pending.locator('tbody tr').count()).resolves.toBe(1);
  await page.getByRole('button', { name: 'Remind the 1 person in Libraries who has not confirmed' }).waitFor();
  await page.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option', { name: /^All departments/ }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everyone to CSV (confirmed and not)' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n');
  expect(csv[0]).toBe('Name,E-mail,Department,Role,Accounts,Confirmed 1.0,Confirmed at');
  expect(csv.filter((l) => /,(Yes|No),/.test(l)).map((l) => /,(Yes|No),/.exec(l)![1]).sort()).toEqual(['No', 'No', 'No', 'No', 'Yes', 'Yes']);
  expect(csv.find((l) => l.startsWith('Hannah Lewis'))).toContain(',Communications,staff,,No,');

  await page.getByRole('button', { name: 'Remind the 4 people who have not confirmed' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('Send a Teams reminder to 4 people?').waitFor();
  await dialog.getByRole('button', { name: 'Send reminders' }).click();
  const report = page.getByTestId('reminder-report');
  await report.getByText('Teams reminder sent to 2 of 4 people.').waitFor();
  await report.getByText('Sent to: Hannah Lewis, Simon Clarke').waitFor();
  await report.getByText('Ben Hughes: not reachable: the Teams app is not installed for them').waitFor();
  await report.getByText('Chris Morgan: not reachable: you cannot send yourself a Teams notification').waitFor();
  expect(await report.textContent()).not.toMatch(/deliver/i);
  await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'coverage-everyone.png'), fullPage: true });

  // Hannah's Teams feed has the reminder; its link opens the policy.
  const feed = (await (await fetch(`${session.wb.url}/__emulator/graph/feed?user=${encodeURIComponent(person('commsHead').upn)}`)).json()) as { value: { activityType: string; text: string }[] };
  expect(feed.value.find((n) => n.activityType === 'policyReminder')?.text).toBe('Chris Morgan reminds you to confirm version 1.0 of the social media policy');

  // The next comms person sees the last reminder and who it did not reach.
  await page.context().close();
  const head = await as('commsHead', '/sharepoint?smh=coverage');
  await head.getByRole('heading', { name: /^Last reminder, .+, by Chris Morgan$/ }).waitFor();
  await head.getByTestId('reminder-report').getByText('Ben Hughes: not reachable: the Teams app is not installed for them').waitFor();
  await head.context().close();
});
