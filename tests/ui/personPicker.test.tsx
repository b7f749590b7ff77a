/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent, act, waitFor, within } from '@testing-library/react';
import { PersonPicker } from '../../src/ui/common/PersonPicker';
import { PeopleService } from '../../src/services/peopleService';
import { AppError } from '../../src/domain/errors';
import type { PersonInput } from '../../src/domain/requests';
import type { DirectoryPerson, IPeopleDirectory, PersonStanding } from '../../src/services/ports/directory';

// The owner/backup picker: one directory question per pause in typing, suggestions a keyboard can
// reach, a failed search said plainly with the typed text kept, a pasted leaver's or guest's address
// refused with the reason, and the choice handed back as { name, email }.

const SAM: DirectoryPerson = { id: '1', name: 'Sam Patel', upn: 'sam.patel@northshire.gov.uk', mail: 'sam.patel@northshire.gov.uk' };
const SAMIR: DirectoryPerson = { id: '2', name: 'Samir Khan', upn: 'samir.khan@northshire.gov.uk', mail: 'samir.khan@northshire.gov.uk' };

class FakeDirectory implements IPeopleDirectory {
  public searches: string[] = [];
  public fail?: AppError;
  public standing: Record<string, PersonStanding> = {};
  public async searchPeople(text: string): Promise<DirectoryPerson[]> {
    this.searches.push(text);
    if (this.fail) throw this.fail;
    return [SAM, SAMIR].filter((p) => p.name.toLowerCase().split(' ').some((w) => w.startsWith(text.toLowerCase())));
  }
  public async personByEmail(email: string): Promise<PersonStanding> {
    return this.standing[email.toLowerCase()] ?? { kind: 'unknown' };
  }
}

function Harness({ dir, start, onChange }: { dir: IPeopleDirectory; start?: PersonInput; onChange?: (p: PersonInput) => void }) {
  const [value, setValue] = React.useState<PersonInput>(start ?? { name: '', email: '' });
  return <PersonPicker id="owner" label="Owner" required value={value} people={new PeopleService(dir)} onChange={(p) => { setValue(p); onChange?.(p); }} />;
}

// Fluent's callout stays visibility:hidden in jsdom (it cannot measure where to go), so the list is
// queried with hidden: true; the browser tests use it as people do.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function type(input: HTMLElement, text: string) {
  act(() => { input.focus(); });
  for (let i = 1; i <= text.length; i++) fireEvent.input(input, { target: { value: text.slice(0, i) } });
  await act(async () => { jest.advanceTimersByTime(400); });
}

it('is labelled, asks the directory once per pause, and lets the keyboard choose a suggestion', async () => {
  const dir = new FakeDirectory();
  const chosen = jest.fn();
  render(<Harness dir={dir} onChange={chosen} />);
  const input = screen.getByRole('combobox', { name: /Owner/ });
  await type(input, 'sam');
  expect(dir.searches).toEqual(['sam']);
  const list = await screen.findByRole('listbox', { hidden: true });
  expect(within(list).getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual([expect.stringContaining('Sam Patel'), expect.stringContaining('Samir Khan')]);
  expect(input.getAttribute('aria-expanded')).toBe('true');
  fireEvent.keyDown(input, { key: 'Enter', which: 13, keyCode: 13 });
  expect(chosen).toHaveBeenLastCalledWith({ name: 'Sam Patel', email: 'sam.patel@northshire.gov.uk' });
  expect(screen.getAllByText('Sam Patel').length).toBeGreaterThan(0);
});

it('says when the directory is busy or out of reach, and keeps what was typed', async () => {
  const dir = new FakeDirectory();
  dir.fail = new AppError('throttled', 'The directory is busy. Try again in a minute.', { retryAfterSeconds: 30 });
  render(<Harness dir={dir} />);
  const input = screen.getByRole('combobox', { name: /Owner/ }) as HTMLInputElement;
  await type(input, 'sam');
  expect((await screen.findByRole('alert')).textContent).toMatch(/The directory is busy, so nobody could be found just now. What you typed is kept/);
  expect(input.value).toBe('sam');
  dir.fail = new AppError('offline', 'The network connection was lost.');
  await type(input, 'sami');
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/could not be reached/));
  expect(input.value).toBe('sami');
  // Back online: the next pause finds people again and the message goes.
  dir.fail = undefined;
  await type(input, 'samir');
  await screen.findByRole('listbox', { hidden: true });
  expect(screen.queryByRole('alert')).toBeNull();
});

it('refuses a pasted address of someone who left or a guest, saying why, and takes a member\'s', async () => {
  const dir = new FakeDirectory();
  dir.standing['leah.ward@northshire.gov.uk'] = { kind: 'disabled', person: { id: '7', name: 'Leah Ward', upn: 'leah.ward@northshire.gov.uk' } };
  dir.standing['alex@partner.org'] = { kind: 'guest', person: { id: '8', name: 'Alex Partner', upn: 'alex_partner.org#EXT#@northshire.gov.uk' } };
  dir.standing['sam.patel@northshire.gov.uk'] = { kind: 'member', person: SAM };
  const chosen = jest.fn();
  render(<Harness dir={dir} onChange={chosen} />);
  const input = screen.getByRole('combobox', { name: /Owner/ });
  const paste = async (text: string) => {
    act(() => { input.focus(); });
    fireEvent.input(input, { target: { value: text } });
    await act(async () => { jest.advanceTimersByTime(400); });
  };
  await paste('leah.ward@northshire.gov.uk');
  expect((await screen.findByRole('alert')).textContent).toBe('Leah Ward has left or their account is disabled, so they cannot be named. Choose someone else.');
  await paste('alex@partner.org');
  await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Alex Partner is a guest from another organisation. Owners and backups must be members of staff.'));
  await paste('nobody@northshire.gov.uk');
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Nobody in the directory has the address nobody@northshire.gov.uk/));
  expect(chosen).not.toHaveBeenCalled();
  await paste('sam.patel@northshire.gov.uk');
  const option = await screen.findByRole('option', { name: /Sam Patel/, hidden: true });
  fireEvent.click(option);
  expect(chosen).toHaveBeenLastCalledWith({ name: 'Sam Patel', email: 'sam.patel@northshire.gov.uk' });
});

it('shows a person restored from a draft, and removing them hands back an empty person', async () => {
  const chosen = jest.fn();
  render(<Harness dir={new FakeDirectory()} start={{ name: 'Olivia Reed', email: 'olivia.reed@northshire.gov.uk' }} onChange={chosen} />);
  expect(screen.getAllByText('Olivia Reed').length).toBeGreaterThan(0);
  // One person only: with Olivia chosen there is no box to type in.
  expect(screen.queryByRole('combobox')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: /Remove/ }));
  expect(chosen).toHaveBeenLastCalledWith({ name: '', email: '' });
  expect(screen.getByRole('combobox', { name: /Owner/ })).toBeTruthy();
});
