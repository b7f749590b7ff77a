import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { person } from '../../workbench/seed';
import { SCREENSHOTS } from '../support/browser';
import { workbenchForFile } from '../support/workbenchSession';

// Issue 3 end to end, in the workbench as people would do it: comms publish a major version; a member
// of staff is asked on every view, reads and acknowledges, and is no longer asked; an account owner
// gets the Teams notification, whose link opens the policy in the Teams personal app. The delivery
// report names who Teams cannot reach (Ben Hughes, a backup the Teams app is not installed for; Leah
// Ward, an owner who has left and is disabled) and never claims delivery, which a sender cannot know.

const session = workbenchForFile();
const as = session.as;


describe('policy lifecycle in Chromium', () => {
  it('comms edit the policy and publish a major version; the report says who was sent to and who cannot be reached', async () => {
    const page = await as('comms', '/sharepoint?smh=edit');
    await page.getByRole('button', { name: 'Add a do', exact: true }).click();
    const dos = page.getByRole('list', { name: "Do's", exact: true });
    await dos.getByLabel('Headline', { exact: true }).last().fill('Celebrate what works');
    await dos.getByLabel('Explanation', { exact: true }).last().fill('Share good results with the communications team so others can learn from them.');
    await page.getByText('Major: everyone must acknowledge again').click();
    await page.getByLabel('What changed', { exact: true }).fill('A new do: celebrate what works.');
    await page.getByRole('button', { name: 'Publish version 2.0' }).click();
    // A major version asks first, with how many owners and backups will be notified.
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(/\d+ account owners? (and|or) backups? will be sent a Teams notification\./).waitFor();
    // The audience is every enabled member of the organisation: six of the seven seeded people.
    await confirm.getByText('6 people will be asked to confirm the policy again.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-confirm-major.png') });
    await confirm.getByRole('button', { name: 'Yes, publish version 2.0' }).click();
    await page.getByText('Version 2.0 published.').waitFor({ timeout: 60_000 });
    const report = page.getByTestId('delivery-report');
    // Olivia Reed (owner), Ben Hughes (backup, no Teams app), Leah Ward (owner, disabled).
    await report.getByText('Teams notification sent to 1 of 3 owners and backups.').waitFor();
    await report.getByText('Sent to: Olivia Reed').waitFor();
    await report.getByText('Ben Hughes: not reachable: the Teams app is not installed for them').waitFor();
    await report.getByText('Leah Ward: not reachable: their account is disabled').waitFor();
    expect(await report.textContent()).not.toMatch(/deliver/i);
    // Only Ben is worth trying again (the app may be installed since); Leah's account will not come back by retrying.
    await report.getByRole('button', { name: 'Try again for those not reached' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-published.png'), fullPage: true });
    await page.context().close();
  });

  it('a member of staff is asked on every view until they acknowledge, then no more', async () => {
    const page = await as('staff', '/sharepoint?smh=history');
    const banner = page.getByText('Version 2.0 of the social media policy needs your acknowledgement.');
    await banner.first().waitFor();
    await page.getByRole('button', { name: 'Read and acknowledge' }).click();
    await page.getByText('Celebrate what works', { exact: true }).waitFor();
    // Their first time: the banner says so, and nothing else.
    await page.getByText('This is your first time: please read the whole policy.').waitFor();
    await page.getByRole('button', { name: 'I have read the policy and will follow it' }).click();
    await page.getByText(/You acknowledged version 2\.0 on/).first().waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByText('2.0').first().waitFor();
    await expect(banner.count()).resolves.toBe(0);
    await page.goto('/sharepoint');
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    await expect(page.getByRole('button', { name: 'I have read the policy and will follow it' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("an owner's Teams activity feed has the notification, and its link opens the policy in the personal app", async () => {
    const page = await as('owner', '/teams/tab?theme=dark');
    await page.getByTestId('open-activity').click();
    const entry = page.getByRole('link', { name: /published version 2\.0 of the social media policy/ });
    await entry.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-activity-feed.png') });
    await entry.click();
    await page.waitForURL(/\/teams\/personal\?.*subEntityId=policy/);
    await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    await page.getByRole('button', { name: 'I have read the policy and will follow it' }).waitFor();
    await expect(page.locator('[data-smh-host="teamsPersonal"][data-smh-theme="dark"]').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('once the owner has confirmed, the same notification opens the policy saying so instead of asking again', async () => {
    const page = await as('owner', '/teams/tab');
    const openFromFeed = async () => {
      await page.goto('/teams/tab');
      await page.getByTestId('open-activity').click();
      await page.getByRole('link', { name: /published version 2\.0 of the social media policy/ }).click();
      await page.waitForURL(/\/teams\/personal\?.*subEntityId=policy/);
      await page.getByRole('heading', { name: 'Northshire Council: social media policy' }).waitFor();
    };
    await openFromFeed();
    await page.getByRole('button', { name: 'I have read the policy and will follow it' }).click();
    await page.getByTestId('notification-outcome').waitFor();
    await openFromFeed();
    await expect(page.getByTestId('notification-outcome').textContent()).resolves.toMatch(/^This notification asked you to confirm version 2\.0\. You confirmed it on .+: there is nothing more to do\.$/);
    await expect(page.getByRole('button', { name: 'I have read the policy and will follow it' }).count()).resolves.toBe(0);
    await page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'screenshots', 'notification-acted-on.png') });
    await page.context().close();
  });

  it("the backup without the Teams app has nothing in their feed, and the feed says why", async () => {
    const page = await as('backup', '/teams/tab');
    await page.getByTestId('open-activity').click();
    await page.getByTestId('activity-app-missing').waitFor();
    await expect(page.getByRole('link', { name: /published version 2\.0/ }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('comms see who has acknowledged and what the notification reached', async () => {
    const page = await as('comms', '/sharepoint?smh=coverage');
    await page.getByTestId('key-people').waitFor();
    await page.getByTestId('audience-coverage').getByText(/^\d+ of 6 people \(\d+%\) have confirmed version 2\.0\.$/).waitFor();
    const report = page.getByTestId('delivery-report');
    await report.getByText('Ben Hughes: not reachable: the Teams app is not installed for them').waitFor();
    await report.getByText('Leah Ward: not reachable: their account is disabled').waitFor();
    expect(await report.textContent()).not.toMatch(/deliver/i);
    await page.screenshot({ path: join(SCREENSHOTS, 'coverage-delivery.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everyone to CSV (confirmed and not)' }).click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Name,E-mail,Department,Role,Accounts,Confirmed 2.0');
    expect(csv).toContain('sam.patel@northshire.gov.uk');

    // A Teams administrator installs the app for Ben; comms try again from the same report, which is
    // written anew (append-only) with the whole picture.
    const installed = await fetch(`${session.wb.url}/__emulator/graph/installations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: person('backup').upn, installed: true }) });
    expect(installed.status).toBe(200);
    await report.getByRole('button', { name: 'Try again for those not reached' }).click();
    await report.getByText('Teams notification sent to 2 of 3 owners and backups.').waitFor();
    await report.getByText('Sent to: Olivia Reed, Ben Hughes').waitFor();
    await report.getByText('Leah Ward: not reachable: their account is disabled').waitFor();
    await expect(report.getByRole('button', { name: 'Try again for those not reached' }).count()).resolves.toBe(0);
    await page.reload();
    await page.getByTestId('delivery-report').getByText('Teams notification sent to 2 of 3 owners and backups.').waitFor();
    await page.context().close();
  });
});
