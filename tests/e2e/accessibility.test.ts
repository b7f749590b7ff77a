import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/harness';
import { person } from '../../workbench/seed';
import { launchBrowser, contextAs } from '../support/browser';
import { spAs } from '../support/emulator-sharepoint';
import { SpRequestsRepository } from '../../src/data/sp/requestsRepository';
import { serialiseDetails } from '../../src/domain/requests';
import { SpRegisterRepository } from '../../src/data/sp/registerRepository';
import { SpRegisterWriter } from '../../src/data/sp/registerWriter';
import { RegisterService } from '../../src/services/registerService';

// axe-core over every product view: the policy, its editor, its history (with a comparison open),
// coverage (with a reminder report) and set-up, in the SharePoint page and both Teams hosts, in
// light, dark and high contrast. Only the product is checked: the
// workbench's stand-in for SharePoint and Teams chrome is not ours to fix.

let wb: Workbench;
let browser: Browser;

beforeAll(async () => {
  wb = await startWorkbench({ seed: true });
  browser = await launchBrowser();
  // A second version, so the history has a comparison to show: comms reword a section and a do.
  const page = await open(person('comms').upn, '/sharepoint?smh=edit');
  const body = page.getByRole('textbox', { name: 'Section text' }).first();
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' We answer every question.');
  await page.getByRole('list', { name: "Do's", exact: true }).getByLabel('Headline', { exact: true }).first().fill('Have real conversations');
  await page.getByLabel('What changed', { exact: true }).fill('Clearer wording.');
  await page.getByRole('button', { name: 'Publish version 1.1' }).click();
  await page.getByText('Version 1.1 published.').waitFor({ timeout: 60_000 });
  await page.context().close();
  // A request in the review queue.
  const sam = spAs(wb.emulator, person('staff').upn);
  const me = (await sam.web.currentUser.select('Id')<{ Id: number }>()).Id;
  await new SpRequestsRepository(sam, async () => me).submit({
    type: 'Idea or question', submissionId: 'axe-1',
    details: serialiseDetails({ kind: 'Idea or question', subject: 'A podcast for tenants', message: 'Could we try a monthly podcast?' })
  });
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
});

const HOSTS = [
  { name: 'SharePoint page', path: '/sharepoint?' },
  { name: 'Teams tab, dark', path: '/teams/tab?theme=dark&' },
  { name: 'Teams tab, high contrast', path: '/teams/tab?theme=contrast&' },
  { name: 'Teams personal app', path: '/teams/personal?' }
];

interface Found { id: string; impact?: string | null; help: string; targets: string[] }

async function violations(page: Page, within = '[data-smh-host]'): Promise<Found[]> {
  const result = await new AxeBuilder({ page }).include(within).analyze();
  // An empty answer must mean "checked and fine", not "found nothing to check".
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`) }));
}

async function open(upn: string, path: string): Promise<Page> {
  const ctx = await contextAs(browser, wb.url, upn);
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

describe.each(HOSTS)('axe-core: $name', ({ path }) => {
  it('the policy page has no violations', async () => {
    const page = await open(person('staff').upn, `${path}smh=policy`);
    await page.getByRole('button', { name: 'I have read the policy and will follow it' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('the history with a comparison open has no violations', async () => {
    const page = await open(person('staff').upn, `${path}smh=history`);
    await page.getByRole('button', { name: 'What changed in version 1.1 since version 1.0' }).click();
    await page.locator('[data-area="section"] ins').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('the account register has no violations, nor its answer to "is this ours?" or an account\'s detail', async () => {
    const page = await open(person('staff').upn, `${path}smh=register`);
    await page.getByTestId('register-table').waitFor();
    await page.getByRole('textbox', { name: 'Account address or handle' }).fill('https://x.com/northshirecc');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('ours-answer').getByText('Yes, @northshirecc is ours.').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('ours-answer').getByRole('button', { name: 'Northshire Council on X (Active)' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'olivia.reed@northshire.gov.uk' }).waitFor();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    await page.context().close();
  });

  it('the register\'s edit mode has no violations, with problems marked and after a conflict', async () => {
    const page = await open(person('comms').upn, `${path}smh=register`);
    await page.getByTestId('register-table').waitFor();
    await page.getByRole('textbox', { name: 'Account address or handle' }).fill('https://x.com/northshirecc');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('ours-answer').getByRole('button', { name: 'Northshire Council on X (Active)' }).click();
    const panel = page.getByTestId('account-detail');
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    await panel.getByRole('textbox', { name: 'Handle' }).fill('instagram.com/northshirecc');
    await panel.getByRole('textbox', { name: 'Name' }).fill('');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByText(/This address is on Instagram/).waitFor();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    // Hannah (comms head) saves the entry meanwhile: Chris's save is refused and shows hers.
    const hannah = spAs(wb.emulator, person('commsHead').upn);
    const service = new RegisterService(new SpRegisterRepository(hannah), async () => 0, undefined, new SpRegisterWriter(hannah));
    const found = await service.isOurs('https://x.com/northshirecc');
    if (found.kind !== 'ours') throw new Error('the demo register has @northshirecc on X');
    const current = (await service.editable(found.accounts[0].id))!;
    expect(await service.saveAccount({ ...current.draft, objectives: `${current.draft.objectives} Checked ${path}.` }, current)).toMatchObject({ kind: 'saved' });
    await panel.getByRole('textbox', { name: 'Handle' }).fill('@northshirecc');
    await panel.getByRole('textbox', { name: 'Name' }).fill('Northshire Council');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByTestId('edit-conflict').waitFor();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    await page.context().close();
  });

  it('the register import, its preview with a problem report, has no violations', async () => {
    const page = await open(person('comms').upn, `${path}smh=register`);
    await page.getByTestId('register-table').waitFor();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').waitFor();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    const csv = 'Name,Platform,Handle,Status,Colour\r\nNorthshire Orchards,Instagram,@northshireorchards,Active,green\r\nNo platform,,@northshireplums,Active,\r\n';
    await page.getByTestId('import-file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-problems').waitFor();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    await page.context().close();
  });

  it('the editor has no violations, nor its confirmation dialog', async () => {
    const page = await open(person('comms').upn, `${path}smh=edit`);
    await page.getByRole('button', { name: /^Publish version/ }).waitFor();
    await page.getByRole('button', { name: 'Remove: Have real conversations' }).click();
    await page.getByText('Removed: Have real conversations.').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByText('Major: everyone must acknowledge again').click();
    await page.getByLabel('What changed', { exact: true }).fill('Checked.');
    await page.getByRole('button', { name: 'Publish version 2.0' }).click();
    await page.getByRole('alertdialog').getByText(/Teams notification/).waitFor();
    expect(await violations(page, '[role="alertdialog"]')).toEqual([]);
    await page.context().close();
  });

  it('coverage, with everyone loaded, its department filter open and a reminder report, has no violations', async () => {
    const page = await open(person('commsHead').upn, `${path}smh=coverage`);
    await page.getByTestId('audience-coverage').waitFor();
    const remind = page.getByRole('button', { name: /^Remind the \d+ people/ });
    await remind.click();
    expect(await violations(page, '[role="alertdialog"]')).toEqual([]);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Send reminders' }).click();
    await page.getByTestId('reminder-report').waitFor();
    // While the dialog fades out the page behind it is still aria-hidden, and axe would check almost nothing.
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await violations(page)).toEqual([]);
    await page.getByRole('combobox', { name: 'Department' }).click();
    await page.getByRole('listbox').waitFor();
    expect(await violations(page, '[role="listbox"]')).toEqual([]);
    await page.context().close();
  });

  it('the review queue and a request with its review form have no violations', async () => {
    const page = await open(person('commsHead').upn, `${path}smh=review`);
    await page.getByTestId('smh-queue-review').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('smh-queue-review').getByRole('button').first().click();
    await page.getByRole('button', { name: 'Send review' }).click();
    await page.getByText('Choose what happens next.').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('requests: a form with its problems, a request just sent, My requests and the withdrawal dialog have no violations', async () => {
    // Olivia confirms the policy once (the first host), so she may send.
    const policy = await open(person('owner').upn, `${path}smh=policy`);
    const confirm = policy.getByRole('button', { name: 'I have read the policy and will follow it' });
    await Promise.race([confirm.waitFor(), policy.getByText(/^You acknowledged version/).first().waitFor()]);
    if (await confirm.isVisible()) {
      await confirm.click();
      await policy.getByText(/^You acknowledged version/).first().waitFor();
    }
    await policy.context().close();

    const page = await open(person('owner').upn, `${path}smh=requests`);
    await page.getByRole('radio', { name: /^A new account/ }).check();
    await page.getByRole('button', { name: 'Send to comms' }).click();
    await page.getByTestId('request-problems').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('radio', { name: /^An idea or question/ }).check();
    await page.getByLabel(/^Subject/).fill('A library podcast');
    await page.getByLabel(/^Your idea or question/).fill('Could we record one a month?');
    await page.getByRole('button', { name: 'Send to comms' }).click();
    await page.getByTestId('request-detail').getByText('Sent by Olivia Reed').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByRole('alertdialog').getByText('Withdraw this request?').waitFor();
    expect(await violations(page, '[role="alertdialog"]')).toEqual([]);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'My requests', exact: true }).click();
    await page.getByTestId('my-requests').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('the emergency plan has no violations, for comms with a role form open and for staff', async () => {
    const page = await open(person('comms').upn, `${path}smh=emergency`);
    await page.getByTestId('emergency-roles').waitFor();
    await page.getByRole('button', { name: 'Edit the role Lead' }).click();
    await page.getByTestId('role-form').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
    const staff = await open(person('staff').upn, `${path}smh=emergency`);
    await staff.getByTestId('emergency-roles').waitFor();
    expect(await violations(staff)).toEqual([]);
    await staff.context().close();
  });

  it('set-up has no violations', async () => {
    const page = await open(person('siteOwner').upn, `${path}smh=setup`);
    await page.getByRole('button', { name: 'Run set-up' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
