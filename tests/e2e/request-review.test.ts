import { join } from 'node:path';
import { person } from '../../workbench/seed';
import { spAs } from '../support/emulator-sharepoint';
import { SpRequestsRepository } from '../../src/data/sp/requestsRepository';
import { emptyNewAccount, serialiseDetails, validateNewAccount } from '../../src/domain/requests';
import { LISTS } from '../../src/data/schema';
import { workbenchForFile } from '../support/workbenchSession';

// Comms review a new-account request in the workbench and send it to decision; the head of comms
// gets the Teams notification, its link opens that request in the personal app, and she approves;
// the account is proposed in the register with its owner and backup.

let requestId: number;
const session = workbenchForFile({ seed: true }, async (session) => {
  // Sam Patel's request, sent the way the form sends it (the form has its own browser test).
  const sam = spAs(session.wb.emulator, person('staff').upn);
  const me = (await sam.web.currentUser.select('Id')<{ Id: number }>()).Id;
  const checked = validateNewAccount({
    ...emptyNewAccount(), accountName: 'Northshire Tenants', platform: 'Instagram', handle: 'northshiretenants', owningService: 'Housing',
    whyExistingCannotServe: 'Tenants do not follow the council account.', audience: 'Council tenants', whereAudienceTalks: 'Estate Facebook groups',
    objectives: 'Fewer repair calls', contentPlan: 'Three posts a week', hoursPerWeek: '4',
    owner: { name: 'Sam Patel', email: person('staff').upn }, backup: { name: 'Olivia Reed', email: person('owner').upn },
    rota: 'Sam weekdays, Olivia covers leave', staffedHours: { allHours: false, slots: [{ day: 'Mon', from: '09:00', to: '17:00' }], profileWillSaySo: true },
    exitPlan: 'Close when the repairs project ends'
  }, { today: '2026-12-01' });
  if (!checked.ok) throw new Error('the test request is not valid');
  requestId = (await new SpRequestsRepository(sam, async () => me).submit({ type: 'New account', details: serialiseDetails(checked.value), submissionId: 'e2e-review-1' })).id;
});
const as = session.as;


it('comms send to decision; the head opens the notification in the personal app and approves; the register has the account', async () => {
  const chris = await as('comms', '/sharepoint');
  await chris.getByRole('tab', { name: 'Review requests' }).click();
  await chris.getByTestId('smh-queue-review').getByRole('button', { name: 'New account: Northshire Tenants (Instagram)' }).click();
  const view = chris.getByTestId('request-case');
  await view.getByText('Why the existing accounts cannot serve').waitFor();
  await view.getByText('Tenants do not follow the council account.').waitFor();
  await view.getByText('Send review').click();
  await view.getByText('Choose what happens next.').waitFor();
  await view.getByRole('radio', { name: 'Send to the head of communications for a decision' }).check();
  await view.getByLabel('Message to the requester').fill('A clear case with cover.');
  await view.getByRole('button', { name: 'Send review' }).click();
  await view.getByText('Saved. The request is now: Waiting for the head of communications.').waitFor();
  await chris.context().close();

  const hannah = await as('commsHead', '/teams/tab');
  await hannah.getByTestId('open-activity').click();
  await hannah.getByRole('link', { name: /asks you to review the request New account: Northshire Tenants/ }).click();
  await hannah.waitForURL(/\/teams\/personal\?.*subEntityId=review/);
  const caseView = hannah.getByTestId('request-case');
  await caseView.getByRole('heading', { name: 'New account: Northshire Tenants (Instagram)' }).waitFor();
  await caseView.getByText(/Chris Morgan: To decision\. "A clear case with cover\."/).waitFor();
  await caseView.getByRole('radio', { name: 'Approve' }).check();
  await caseView.getByLabel('Reason').fill('Good plan, and the hours are realistic.');
  await caseView.getByRole('button', { name: 'Record decision' }).click();
  await caseView.getByText('Saved. The request is now: Approved.').waitFor();
  await caseView.getByText('Northshire Tenants is in the register as a proposed account.').waitFor();
  await caseView.getByTestId('review-notified').getByText('Sent to: Sam Patel').waitFor();
  await hannah.screenshot({ path: join(__dirname, '..', '..', 'docs', 'screenshots', 'request-decided-teams-personal.png'), fullPage: true });
  await hannah.context().close();

  const [entry] = await spAs(session.wb.emulator, person('siteOwner').upn).web.lists.getByTitle(LISTS.accounts.title).items
    .filter(`FromRequestId eq ${requestId}`).select('Title', 'AccountStatus', 'Owner/Title', 'Backup/Title').expand('Owner', 'Backup')<{ Title: string; AccountStatus: string; Owner: { Title: string }; Backup: { Title: string } }[]>();
  expect(entry).toMatchObject({ Title: 'Northshire Tenants', AccountStatus: 'Proposed', Owner: { Title: 'Sam Patel' }, Backup: { Title: 'Olivia Reed' } });
});
