import type { Page } from 'playwright-core';
import { person } from '../../workbench/seed';
import { workbenchForFile } from '../support/workbenchSession';

// The emergency plan in the workbench as comms use it: Chris Morgan (comms) names who holds two
// roles, announces them to the team's emergency channel, and the card in the channel (read back from
// the Graph emulator) names every holder and backup; each of them finds the notification in their
// Teams feed. Then, through a storm of 429s, a second announcement still completes and the
// activation log says so. A member of staff reads the plan and is offered no change.

const session = workbenchForFile();

interface Outbox { channelMessages: { channelId: string; message: { attachments: { content: string }[] } }[] }
interface Feed { value: { activityType: string; text: string }[] }
const graphControl = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${session.wb.url}/__emulator/graph${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (res.status === 204 ? undefined : await res.json()) as T;
};

async function fillRole(page: Page, role: string, holder: string, backup: string): Promise<void> {
  await page.getByRole('button', { name: `Edit the role ${role}` }).click();
  const form = page.getByRole('form', { name: 'Edit the role' });
  await form.getByRole('textbox', { name: 'Holder (work e-mail)' }).fill(holder);
  await form.getByRole('textbox', { name: 'Backup (work e-mail)' }).fill(backup);
  await form.getByRole('button', { name: 'Save role' }).click();
  await form.waitFor({ state: 'detached' });
}

it('comms announce the roles: the channel card names every holder, each holder is notified, and a 429 storm still completes', async () => {
  const page = await session.as('comms', '/sharepoint');
  await page.getByRole('tab', { name: 'Emergency plan' }).click();
  const roles = page.getByTestId('emergency-roles');
  await roles.waitFor();
  await page.getByTestId('emergency-warnings').getByText('Lead has nobody in it.').waitFor();

  await fillRole(page, 'Lead', person('commsHead').upn, person('owner').upn);
  await roles.getByRole('row', { name: /Lead Hannah Lewis Olivia Reed/ }).waitFor();
  await fillRole(page, 'Deputy', person('staff').upn, person('siteOwner').upn);
  await roles.getByRole('row', { name: /Deputy Sam Patel Simon Clarke/ }).waitFor();
  await expect(page.getByTestId('emergency-warnings').getByText('Lead has nobody in it.').count()).resolves.toBe(0);

  await page.getByRole('button', { name: 'Announce roles' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('The roles are posted to the emergency channel as a card, and 4 people get a Teams notification.').waitFor();
  await dialog.getByRole('button', { name: 'Announce', exact: true }).click();
  const outcome = page.getByTestId('emergency-outcome');
  await outcome.getByText('Posted to the channel.').waitFor();
  await outcome.getByText('Teams notification sent to 4 of 4 people.').waitFor();
  expect(await outcome.textContent()).not.toMatch(/deliver/i);

  // The card in the channel, as the Graph emulator stored it, names each role and each holder and backup.
  const outbox = await graphControl<Outbox>('GET', '/outbox');
  const posted = outbox.channelMessages.filter((m) => m.channelId === '19:emergency@thread.tacv2');
  expect(posted).toHaveLength(1);
  const card = JSON.stringify(JSON.parse(posted[0].message.attachments[0].content));
  for (const text of ['Lead', 'Deputy', 'Sign-off', 'Hannah Lewis', 'Olivia Reed', 'Sam Patel', 'Simon Clarke']) expect(card).toContain(text);

  for (const holder of ['commsHead', 'owner', 'staff', 'siteOwner'] as const) {
    const feed = await graphControl<Feed>('GET', `/feed?user=${encodeURIComponent(person(holder).upn)}`);
    expect([holder, feed.value.find((n) => n.activityType === 'emergencyRolesAnnounced')?.text]).toEqual([holder, 'Chris Morgan announced the 5 social media roles of the emergency plan: you hold one']);
  }

  // A storm of 429s: every send is refused a few times, each with Retry-After: 1.
  await graphControl('POST', '/faults', { throttleNext: 3, retryAfter: 1 });
  await page.getByRole('button', { name: 'Announce roles' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Announce', exact: true }).click();
  await page.getByTestId('emergency-progress').waitFor();
  await outcome.getByText('Teams notification sent to 4 of 4 people.').waitFor({ timeout: 30_000 });
  await graphControl('POST', '/faults', { reset: true });
  expect((await graphControl<Outbox>('GET', '/outbox')).channelMessages.filter((m) => m.channelId === '19:emergency@thread.tacv2')).toHaveLength(2);

  // The activation log keeps both, newest first, with who announced; the next comms person reads it.
  await page.context().close();
  const head = await session.as('commsHead', '/sharepoint?smh=emergency');
  const entries = head.getByTestId('emergency-log-entry');
  await entries.first().waitFor();
  await expect(entries.count()).resolves.toBe(2);
  await expect(entries.first().getByRole('heading', { name: /, by Chris Morgan/ }).count()).resolves.toBe(1);
  await entries.first().getByText('Posted to the channel.').waitFor();
  await entries.first().getByText('Teams notification sent to 4 of 4 people.').waitFor();
  await head.context().close();
});

it('a member of staff reads the plan and is offered no change, no announcement and no log', async () => {
  const page = await session.as('staff', '/sharepoint?smh=emergency');
  await page.getByTestId('emergency-roles').waitFor();
  await page.getByText('The communications team keeps these roles. Tell them if something here is wrong.').waitFor();
  await expect(page.getByRole('button', { name: /^Edit the role/ }).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: 'Announce roles' }).count()).resolves.toBe(0);
  await expect(page.getByTestId('emergency-log').count()).resolves.toBe(0);
  await page.context().close();
});
