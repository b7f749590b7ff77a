/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent } from '@testing-library/react';
import { AccountHistorySection } from '../../../src/ui/register/AccountHistorySection';
import { AccountHistoryService } from '../../../src/services/accountHistoryService';
import type { EntryVersion } from '../../../src/domain/register/accountHistory';
import type { IAccountHistory, AccountHistoryRecords } from '../../../src/services/ports/accountHistory';
import type { AccountDetail } from '../../../src/services/ports/register';

// The history part of the register detail: changes in words, newest first and a page at a time, the
// request linked only for those who may open it, and each account update with whether it counts.

const OLIVIA = { id: 12, name: 'Olivia Reed' }, SAM = { id: 11, name: 'Sam Patel' }, CHRIS = { id: 14, name: 'Chris Morgan' };
const BASE = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function versions(count: number): EntryVersion[] {
  // 1.0 added with Olivia as owner; 2.0 hands it to Sam; then saves that change the response target.
  return Array.from({ length: count }, (_, n) => ({
    label: `${n + 1}.0`, at: at(n * 7), editor: CHRIS,
    values: { name: 'Libraries', platform: 'Facebook', owner: n === 0 ? OLIVIA : SAM, responseTargetHours: n < 2 ? 8 : 8 + n }
  }));
}

function serviceWith(records: AccountHistoryRecords, me = SAM.id): AccountHistoryService {
  const port: IAccountHistory = { read: async () => records, versions: async () => records.versions };
  return new AccountHistoryService(port, async () => me);
}

const account: AccountDetail = { id: 5, name: 'Libraries', platform: 'Facebook', handle: 'libs', status: 'Active', created: at(0), modified: at(0), fromRequestId: 31 };

it('says who changed what and when, field by field, and shows older changes on request', async () => {
  const records: AccountHistoryRecords = { versions: versions(13), updates: [], commsIds: [CHRIS.id], request: { id: 31, readable: true, authorId: SAM.id } };
  render(<AccountHistorySection service={serviceWith(records)} account={account} />);
  const list = await screen.findByTestId('account-history-changes');
  expect(list.querySelectorAll(':scope > li')).toHaveLength(10);
  expect(list.textContent).toContain('Response target: within 19 hours → within 20 hours');
  fireEvent.click(screen.getByRole('button', { name: 'Show 3 older' }));
  expect(list.querySelectorAll(':scope > li')).toHaveLength(13);
  expect(list.textContent).toContain('Owner: Olivia Reed → Sam Patel');
  expect(list.textContent).toMatch(/added to the register by Chris Morgan/);
  const link = screen.getByRole('link', { name: 'Open the request' });
  expect(link.getAttribute('href')).toMatch(/smh=requests&item=31/);
});

it('names a request the reader may not open without a link, and marks each update counted or not', async () => {
  const records: AccountHistoryRecords = {
    versions: versions(2), commsIds: [CHRIS.id], request: { id: 31, readable: false },
    updates: [
      { id: 1, accountId: 5, authorId: OLIVIA.id, authorName: 'Olivia Reed', created: at(3), rota: '', staffedHours: '', profileStatesHours: false, responseTargetHours: 8, contentPlan: '' },
      { id: 2, accountId: 5, authorId: OLIVIA.id, authorName: 'Olivia Reed', created: at(9), rota: '', staffedHours: '', profileStatesHours: false, responseTargetHours: 8, contentPlan: '' }
    ]
  };
  render(<AccountHistorySection service={serviceWith(records, OLIVIA.id)} account={account} />);
  const updates = await screen.findByTestId('account-history-updates');
  // Olivia owned it until 2.0 (minute 7): her update at minute 3 counts, the one at minute 9 does not.
  expect([...updates.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
    expect.stringMatching(/^Olivia Reed, .*: does not count/), expect.stringMatching(/^Olivia Reed, .*: counts$/)
  ]);
  expect(screen.getByText(/2 filed, 1 counted/)).toBeTruthy();
  expect(screen.queryByRole('link', { name: 'Open the request' })).toBeNull();
  expect(screen.getByTestId('account-history-request').textContent).toMatch(/only the person who asked and comms can open it/);
});
