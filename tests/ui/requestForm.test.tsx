/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent, act, waitFor } from '@testing-library/react';
import { RequestForm } from '../../src/ui/requests/RequestForm';
import { RequestsService } from '../../src/services/requestsService';
import { AppError } from '../../src/domain/errors';
import type { IRequestsRepository, NewRequest, StoredRequest } from '../../src/services/ports/requests';
import type { GateResult } from '../../src/services/acknowledgementGate';
import { FixedAccounts, MemoryActivity, RecordingNotifier, ServerClock } from '../support/fakes';

// The request form in a browser-like page: the domain's messages beside each field once it is left,
// a summary of every problem that takes focus on "send", and the draft kept in this browser across
// a reload and a failed save, cleared only once the save is confirmed.

const SITE = 'https://contoso.sharepoint.com/sites/hub';
const place = { siteUrl: SITE, user: 'sam.patel@northshire.gov.uk' };

/** Requests as SharePoint keeps them, for the signed-in person (id 7); `failNext` makes the next adds fail. */
class MemoryRequests implements Partial<IRequestsRepository> {
  public items: StoredRequest[] = [];
  public calls: NewRequest[] = [];
  public failNext = 0;
  private clock = new ServerClock();
  public async submit(r: NewRequest): Promise<StoredRequest> {
    this.calls.push(r);
    if (this.failNext > 0) { this.failNext--; throw new AppError('offline', 'The network connection was lost.'); }
    const existing = this.items.find((i) => i.submissionId === r.submissionId);
    if (existing) return existing;
    const item: StoredRequest = { id: this.items.length + 1, authorId: 7, created: this.clock.now(), type: r.type, details: r.details, submissionId: r.submissionId, revisionOf: r.revisionOf };
    this.items.push(item);
    return item;
  }
}

function serviceWith(opts: { gate?: GateResult; requests?: MemoryRequests } = {}) {
  const requests = opts.requests ?? new MemoryRequests();
  let n = 0;
  const service = new RequestsService({
    requests: requests as unknown as IRequestsRepository,
    groups: { memberIds: async () => [], members: async () => [{ id: 4, name: 'Chris Morgan', login: 'chris.morgan@northshire.gov.uk' }], memberLogins: async () => ['chris.morgan@northshire.gov.uk'] },
    gate: { check: async () => opts.gate ?? { allowed: true } },
    notifier: new RecordingNotifier(), activity: new MemoryActivity(), accounts: new FixedAccounts(),
    hashtags: { candidates: async () => [], add: async () => { throw new Error('not here'); }, list: async () => [] },
    me: async () => 7, newId: () => `sub-${++n}`, today: () => '2026-12-01', sleep: async () => undefined
  });
  return { service, requests };
}

const idea = (service: RequestsService, onSaved = jest.fn()) =>
  render(<RequestForm service={service} kind="Idea or question" place={place} onSaved={onSaved} />);

beforeEach(() => window.localStorage.clear());

it('shows the domain\'s message beside a field once the person leaves it, not before', async () => {
  const { service } = serviceWith();
  render(<RequestForm service={service} kind="New account" place={place} onSaved={jest.fn()} />);
  const hours = screen.getByLabelText('Hours a week it will take (everyone together)');
  fireEvent.change(hours, { target: { value: 'lots' } });
  expect(screen.queryByText('Write the hours as a number, like 6 or 7.5 (no words or units).')).toBeNull();
  fireEvent.blur(hours);
  // Fluent shows a field's error a moment after it changes (so a screen reader hears it once).
  expect(await screen.findByText('Write the hours as a number, like 6 or 7.5 (no words or units).')).toBeTruthy();
  expect(hours.getAttribute('aria-invalid')).toBe('true');
  // Another field, untouched, says nothing yet.
  expect(screen.queryByText('Say who the account is for.')).toBeNull();
  fireEvent.change(hours, { target: { value: '7.5' } });
  await waitFor(() => expect(screen.queryByText(/Write the hours as a number/)).toBeNull());
  expect(hours.getAttribute('aria-invalid')).toBe('false');
});

it('on send, lists every problem in a summary that takes focus, each taking focus to its field', async () => {
  const { service, requests } = serviceWith();
  idea(service);
  fireEvent.click(screen.getByRole('button', { name: 'Send to comms' }));
  const summary = await screen.findByTestId('request-problems');
  expect(document.activeElement).toBe(summary);
  expect(summary.textContent).toContain('There are 2 things to put right before you send:');
  expect(summary.textContent).toContain('Subject: Give your idea or question a short subject.');
  expect(summary.textContent).toContain('Your idea or question: Write your idea or question for comms.');
  fireEvent.click(screen.getByRole('link', { name: 'Your idea or question' }));
  expect(document.activeElement).toBe(screen.getByLabelText('Your idea or question'));
  expect(requests.calls).toEqual([]);
});

it('keeps the draft across a reload and a failed save, sends it again as the same submission, and forgets it once saved', async () => {
  const { service, requests } = serviceWith();
  const first = idea(service);
  fireEvent.change(screen.getByLabelText('Subject'), { target: { value: 'A library podcast' } });
  fireEvent.change(screen.getByLabelText('Your idea or question'), { target: { value: 'Once a month, "live" from the library.' } });
  first.unmount();

  // "Reload": a new form finds the answers and says so.
  const onSaved = jest.fn();
  idea(service, onSaved);
  expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe('A library podcast');
  expect((screen.getByLabelText('Your idea or question') as HTMLTextAreaElement).value).toBe('Once a month, "live" from the library.');
  expect(screen.getByText(/^Your draft from .+ is back, as you left it\.$/)).toBeTruthy();

  // The connection drops on every try: the person is told, and the draft stays.
  requests.failNext = 4;
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Send to comms' })); });
  await screen.findByText('The network connection was lost.', { exact: false });
  expect(requests.calls.length).toBe(4);
  expect(new Set(requests.calls.map((c) => c.submissionId)).size).toBe(1);
  expect(window.localStorage.length).toBe(1);
  expect(onSaved).not.toHaveBeenCalled();

  // Sending again is the same submission; once saved, the draft is gone.
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Send to comms' })); });
  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(new Set(requests.calls.map((c) => c.submissionId)).size).toBe(1);
  expect(requests.items).toHaveLength(1);
  expect(JSON.parse(requests.items[0].details)).toMatchObject({ subject: 'A library podcast', message: 'Once a month, "live" from the library.' });
  expect(window.localStorage.length).toBe(0);
});

it('someone who has not confirmed the policy is sent to it, and their draft stays', async () => {
  const { service, requests } = serviceWith({ gate: { allowed: false, versionLabel: '2.0', message: 'Please read and acknowledge the social media policy (version 2.0) first.', policyLink: { pageId: 'policy' } } });
  idea(service);
  fireEvent.change(screen.getByLabelText('Subject'), { target: { value: 'Before confirming' } });
  fireEvent.change(screen.getByLabelText('Your idea or question'), { target: { value: 'Anything' } });
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Send to comms' })); });
  expect((await screen.findByRole('alert')).textContent).toContain('version 2.0');
  expect(screen.getByRole('button', { name: 'Read the policy' })).toBeTruthy();
  expect(requests.calls).toEqual([]);
  expect(window.localStorage.length).toBe(1);
});
