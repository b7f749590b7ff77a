import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { person } from '../../workbench/seed';
import { SCREENSHOTS } from '../support/browser';
import { localDate } from '../../src/domain/requests';
import { spAs } from '../support/emulator-sharepoint';
import { SpAccountUpdates } from '../../src/data/sp/accountUpdatesRepository';
import { workbenchForFile } from '../support/workbenchSession';

// A member of staff asks for a new account from the Teams tab: the form keeps their answers across a
// reload, the request appears in "My requests" as submitted, and comms get the Teams notification
// whose link opens that request.

const DOCS_SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const session = workbenchForFile();
const as = session.as;
const confirmPolicy = session.confirmPolicy;



/** A form field by its label's start (a required field's name ends in " *"; "Owner's name" must not find the backup's). */
function field(scope: ReturnType<Page['getByTestId']>, label: string) {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

it('the whole path: staff send a new-account request from the Teams tab (draft kept across a reload); comms send it to decision from Teams; the head approves from her notification; the requester sees it approved; the account is in the register, where the owner\'s update counts and a colleague\'s does not', async () => {
  await confirmPolicy('staff');
  const page = await as('staff', '/teams/tab');
  await page.getByRole('tab', { name: 'Requests' }).click();
  await page.getByRole('radio', { name: /^A new account/ }).check({ force: true });
  const form = page.getByTestId('request-form');
  await field(form, 'Account name').fill('Northshire Housing');
  await choose(page, 'Platform', 'Instagram');
  await field(form, 'Service or team that will run it').fill('Housing');
  // Leaving a required field empty says what to write beside it.
  await field(form, 'Who the account is for').focus();
  await field(form, 'What it should achieve').focus();
  await form.getByText('Say who the account is for.').waitFor();
  await field(form, 'Hours a week it will take (everyone together)').fill('lots');
  // The owner comes from the directory: typing part of a name offers current staff to choose with the keyboard.
  const owner = form.getByRole('combobox', { name: /^Owner/ });
  await owner.pressSequentially('sam p');
  await page.getByRole('listbox').getByRole('option', { name: /Sam Patel/ }).waitFor();
  await owner.press('Enter');
  await form.getByTestId('person-owner').locator('.ms-Persona-primaryText', { hasText: 'Sam Patel' }).waitFor();
  await form.getByText('Write the hours as a number, like 6 or 7.5 (no words or units).').waitFor();

  // Reload in the middle: the answers come back.
  await page.reload();
  await page.getByRole('tab', { name: 'Requests' }).click();
  await page.getByRole('radio', { name: /^A new account \(draft kept\)/ }).check({ force: true });
  await page.getByText(/^Your draft from .+ is back, as you left it\.$/).waitFor();
  expect(await field(form, 'Account name').inputValue()).toBe('Northshire Housing');
  expect(await field(form, 'Hours a week it will take (everyone together)').inputValue()).toBe('lots');
  // The chosen owner is part of the draft.
  await form.getByTestId('person-owner').locator('.ms-Persona-primaryText', { hasText: 'Sam Patel' }).waitFor();

  // Sending with problems lists them in a summary that takes focus.
  await form.getByRole('button', { name: 'Send to comms' }).click();
  const summary = page.getByTestId('request-problems');
  await summary.waitFor();
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  await summary.getByRole('link', { name: 'Who the account is for' }).click();
  expect(await field(form, 'Who the account is for').evaluate((el) => el === document.activeElement)).toBe(true);

  await field(form, 'Handle you hope for (optional)').fill('northshirehousing');
  await field(form, 'Why the organisation\'s existing accounts cannot serve').fill('Tenants do not follow the main council account.');
  await field(form, 'Who the account is for').fill('Council tenants');
  await field(form, 'Where these people already talk online').fill('Estate Facebook groups');
  await field(form, 'What it should achieve').fill('Fewer repair calls');
  await field(form, 'Content plan: what you will post, how often').fill('Two posts a week');
  await field(form, 'Hours a week it will take (everyone together)').fill('3');
  await field(form, 'Exit plan: when and how it would close').fill('Close when the estate project ends.');
  // Someone who has left cannot be named, even by pasting their address: the form says why.
  const backup = form.getByRole('combobox', { name: /^Backup owner/ });
  await backup.fill('leah.ward@northshire.gov.uk');
  await form.getByText('Leah Ward has left or their account is disabled, so they cannot be named. Choose someone else.').waitFor();
  await backup.fill('');
  await backup.pressSequentially('olivia');
  await page.getByRole('listbox').getByRole('option', { name: /Olivia Reed/ }).click();
  await form.getByTestId('person-backup').locator('.ms-Persona-primaryText', { hasText: 'Olivia Reed' }).waitFor();
  await field(form, 'Rota: how the owner and backup share the work and cover leave').fill('Sam on weekdays, Olivia covers leave.');
  await form.getByRole('button', { name: 'Add a time slot' }).click();
  await choose(page, 'Slot 1: Day', 'Mon');
  await field(form, 'The profile will say when it is staffed').check({ force: true });
  await field(form, 'Proposed hashtag (optional)').fill('#NorthshireHomes');
  await page.getByTestId('hashtag-check').getByText('#NorthshireHomes is not in our register, and nothing like it is.', { exact: false }).waitFor();
  await field(form, 'Date you searched for it in public').fill(localDate(new Date()));
  await field(form, 'Link to what you found (search results or a screenshot)').fill('https://www.instagram.com/explore/tags/northshirehomes/');
  await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'request-new-account-teams.png'), fullPage: true });
  await form.getByRole('button', { name: 'Send to comms' }).click();

  await page.getByTestId('request-saved').getByText('Comms have your request.', { exact: false }).waitFor();
  expect(await page.getByTestId('request-notified').textContent()).toBe('Comms were told in Teams (sent to 2 of 2 people).');
  const detail = page.getByTestId('request-detail');
  await detail.getByRole('heading', { name: 'New account: Northshire Housing (Instagram)' }).waitFor();
  const id = await detail.getAttribute('data-request-id');
  await detail.getByText('Sent by Sam Patel').waitFor();

  // My requests lists it as submitted.
  await page.getByRole('button', { name: 'My requests', exact: true }).click();
  const row = page.getByTestId('my-requests').locator(`tr[data-request-id="${id}"]`);
  await row.getByText('Submitted: waiting for comms').waitFor();
  await row.getByText('New account: Northshire Housing (Instagram)').waitFor();

  // The draft went once the request was saved.
  await page.getByRole('button', { name: 'New request', exact: true }).click();
  await page.getByRole('radio', { name: /^A new account\. / }).waitFor();
  await page.getByRole('radio', { name: 'A new account', exact: false }).first().check({ force: true });
  expect(await field(form, 'Account name').inputValue()).toBe('');
  await page.context().close();

  // Chris (comms) has the notification; its link opens the request in the personal app.
  const feed = (await (await fetch(`${session.wb.url}/__emulator/graph/feed?user=${encodeURIComponent(person('comms').upn)}`)).json()) as { value: { activityType: string; text: string; webUrl: string }[] };
  const note = feed.value.find((n) => n.activityType === 'approvalRequired');
  expect(note?.text).toBe('Sam Patel asks you to review the request New account: Northshire Housing (Instagram)');
  expect(decodeURIComponent(note!.webUrl)).toContain(`"subEntityId":"review:${id}"`);

  // Chris opens it from his Teams activity feed, in the personal app, and sends it to decision.
  const chris = await as('comms', '/teams/tab');
  await chris.getByTestId('open-activity').click();
  await chris.getByRole('link', { name: /asks you to review the request New account: Northshire Housing \(Instagram\)/ }).first().click();
  await chris.waitForURL(/\/teams\/personal\?.*subEntityId=review/);
  const review = chris.getByTestId('request-case');
  await review.getByText('Tenants do not follow the main council account.').waitFor();
  await review.getByRole('radio', { name: 'Send to the head of communications for a decision' }).check();
  await review.getByLabel('Message to the requester').fill('Well planned, with real cover for leave.');
  await review.getByRole('button', { name: 'Send review' }).click();
  await review.getByText('Saved. The request is now: Waiting for the head of communications.').waitFor();
  await chris.context().close();

  // Hannah, head of communications, gets it in her feed; the link opens that request; she approves.
  const hannah = await as('commsHead', '/teams/tab');
  await hannah.getByTestId('open-activity').click();
  await hannah.getByRole('link', { name: /asks you to review the request New account: Northshire Housing \(Instagram\)/ }).first().click();
  await hannah.waitForURL(/\/teams\/personal\?.*subEntityId=review/);
  const decide = hannah.getByTestId('request-case');
  await decide.getByText(/Chris Morgan: To decision\. "Well planned, with real cover for leave\."/).waitFor();
  await decide.getByRole('radio', { name: 'Approve' }).check();
  await decide.getByLabel('Reason').fill('A clear case; the hours are realistic.');
  await decide.getByRole('button', { name: 'Record decision' }).click();
  await decide.getByText('Saved. The request is now: Approved.').waitFor();
  await decide.getByText('Northshire Housing is in the register as a proposed account.').waitFor();
  await hannah.context().close();

  // Sam is told in Teams; the link opens the request, now approved.
  const sam = await as('staff', '/teams/tab');
  await sam.getByTestId('open-activity').click();
  await sam.getByRole('link', { name: /updated your request New account: Northshire Housing \(Instagram\): approved/ }).click();
  await sam.waitForURL(/\/teams\/personal\?.*subEntityId=requests/);
  await sam.getByTestId('request-detail').getByText('Status: Approved').waitFor();

  // The register knows the account, with its owner and backup.
  await sam.getByRole('tab', { name: 'Accounts' }).click();
  await sam.getByRole('textbox', { name: 'Account address or handle' }).fill('https://www.instagram.com/northshirehousing/');
  await sam.getByRole('button', { name: 'Check' }).click();
  await sam.getByText('Yes, @northshirehousing is ours.').waitFor();
  await sam.getByText(/Owner: Sam Patel \(sam\.patel@northshire\.gov\.uk\) · Backup: Olivia Reed/).waitFor();
  await sam.getByRole('button', { name: /^Northshire Housing on Instagram/ }).click();
  const ops = sam.getByRole('dialog').getByTestId('account-operations');
  await ops.getByRole('button', { name: 'Update how the account is run' }).click();
  await ops.getByLabel('Rota').fill('Sam on weekdays; Olivia covers leave.');
  await ops.getByLabel('Response target').fill('24');
  await ops.getByLabel('Content plan').fill('Repairs news on Tuesdays, estate events on Fridays.');
  await ops.getByRole('button', { name: 'Save update' }).click();
  await ops.getByText('Saved. This is now how the account is run.').waitFor();
  await sam.context().close();

  // Ben Hughes, neither owner nor backup of it, files an update through the list (SharePoint lets anyone add):
  // it is kept, and it does not count.
  const ben = spAs(session.wb.emulator, person('backup').upn);
  const benId = (await ben.web.currentUser.select('Id')<{ Id: number }>()).Id;
  const [housing] = await ben.web.lists.getByTitle('SMH Accounts').items.filter("HandleKey eq 'northshirehousing'").select('Id')<{ Id: number }[]>();
  await new SpAccountUpdates(ben, async () => benId).add(housing.Id, { rota: 'Ben runs it', staffedHours: '{"always":true}', profileStatesHours: true, responseTargetHours: 1, contentPlan: 'Ben posts' }, 'e2e-colleague');
  const olivia = await as('owner', '/sharepoint?smh=register');
  await olivia.getByRole('textbox', { name: 'Account address or handle' }).fill('@northshirehousing');
  await olivia.getByRole('button', { name: 'Check' }).click();
  await olivia.getByRole('button', { name: /^Northshire Housing on Instagram/ }).click();
  const seen = olivia.getByRole('dialog').getByTestId('account-operations');
  await seen.getByText(/^Last updated by Sam Patel on /).waitFor();
  await seen.getByText('Sam on weekdays; Olivia covers leave.').waitFor();
  await seen.getByText(/Not counted, because their authors are not this account's owner or backup: updates by Ben Hughes/).waitFor();
  await olivia.context().close();
});

it('at 380 px in Teams dark the form and My requests fit the width, and the deep link opens the request', async () => {
  await confirmPolicy('owner');
  const page = await as('owner', '/teams/personal?theme=dark&smh=requests', { width: 380, height: 800 });
  await page.getByRole('radio', { name: /^A paid campaign/ }).check({ force: true });
  await page.getByRole('button', { name: 'Send to comms' }).click();
  await page.getByTestId('request-problems').waitFor();
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'request-form-380-teams-dark.png'), fullPage: true });

  await page.getByRole('radio', { name: /^An idea or question/ }).check({ force: true });
  await field(page.getByTestId('request-form'), 'Subject').fill('Reading challenge videos with a very long subject line that must wrap at 380 px');
  await field(page.getByTestId('request-form'), 'Your idea or question').fill('Short videos of staff reading.');
  await page.getByRole('button', { name: 'Send to comms' }).click();
  const detail = page.getByTestId('request-detail');
  await detail.getByText('Sent by Olivia Reed').waitFor();
  const id = await detail.getAttribute('data-request-id');
  await page.getByRole('button', { name: 'My requests', exact: true }).click();
  await page.getByTestId('my-requests').locator(`tr[data-request-id="${id}"]`).waitFor();
  expect(await fits()).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'my-requests-380-teams-dark.png'), fullPage: true });
  await page.context().close();

  // The link a notification carries ({ pageId: 'requests', subPageId: id }) opens that request.
  const linked = await as('owner', `/teams/personal?smh=requests&item=${id}`);
  await linked.getByTestId('request-detail').getByRole('heading', { name: /^Idea or question: Reading challenge videos/ }).waitFor();
  await linked.getByTestId('request-status').getByText('Status: Submitted: waiting for comms').waitFor();
  await linked.screenshot({ path: join(DOCS_SCREENSHOTS, 'request-detail-teams-personal.png'), fullPage: true });
  await linked.context().close();
});
