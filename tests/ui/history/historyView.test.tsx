/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { screen, fireEvent, within, waitFor } from '@testing-library/react';
import HistoryView from '../../../src/ui/history/HistoryView';
import { AppError } from '../../../src/domain/errors';
import type { PolicyContent, PolicyVersion } from '../../../src/domain/policy';
import type { PolicyVersionSummary } from '../../../src/services/ports/policy';
import { makeFakes, makePage, makeVersion, renderWith } from '../editor/harness';

const v1: PolicyContent = {
  sections: [{ id: 'why', heading: 'Why', body: '<p>For {organisation}.</p>' }],
  dos: [{ id: 'do-talk', title: 'Have conversations', detail: 'Answer quickly.' }],
  donts: [
    { id: 'dont-broadcast', title: "Don't just broadcast", detail: 'People stop listening.' },
    { id: 'dont-free', title: "Don't assume it is free", detail: 'Time costs.' }
  ],
  links: []
};
const v2: PolicyContent = {
  ...v1,
  dos: [...v1.dos, { id: 'do-plan', title: 'Have a plan', detail: 'Objectives first, <img src=x onerror=alert(1)>.' }],
  donts: [v1.donts[0], { ...v1.donts[1], detail: 'Staff time costs money.' }]
};
const v3: PolicyContent = { ...v2, names: { organisation: 'Northshire Borough Council' } };

const versions: PolicyVersion[] = [
  makeVersion(1, 1, 0, v1, { changeSummary: 'First version.' }),
  makeVersion(2, 1, 1, v2, { changeSummary: 'Added planning.', publishedBy: 'Hannah Lewis', publishedAt: '2026-04-05T10:00:00Z' }),
  makeVersion(3, 2, 0, v3, { changeSummary: 'New name.', publishedAt: '2026-05-06T10:00:00Z' })
];
const summary = ({ content: _c, ...rest }: PolicyVersion): PolicyVersionSummary => rest;

function setup(listVersions = jest.fn(async () => [versions[0], versions[2], versions[1]].map(summary))) {
  const getVersion = jest.fn(async (id: number) => {
    const found = versions.find((v) => v.id === id);
    if (!found) throw new AppError('notFound', 'Not found.');
    return found;
  });
  const fakes = makeFakes({ page: makePage(versions[2]), policy: { listVersions, getVersion } });
  renderWith(fakes, <HistoryView />);
  return { listVersions, getVersion };
}

const rows = () => Array.from(document.querySelectorAll('li[data-version-id]')) as HTMLElement[];

describe('policy history', () => {
  it('lists versions newest first with kind, date, who published, summary and the version in force', async () => {
    setup();
    await screen.findByText('Version 2.0');
    expect(rows().map((r) => r.getAttribute('data-version-id'))).toEqual(['3', '2', '1']);
    const [newest, middle, oldest] = rows();
    expect(within(newest).getByText('Major')).toBeTruthy();
    expect(within(newest).getByText('In force')).toBeTruthy();
    expect(within(middle).queryByText('Major')).toBeNull();
    expect(within(middle).queryByText('In force')).toBeNull();
    expect(within(middle).getByText('published 5 April 2026 · by Hannah Lewis')).toBeTruthy();
    expect(within(middle).getByText('Added planning.')).toBeTruthy();
    expect(within(oldest).getByText('Major')).toBeTruthy();
  });

  it('compares two versions: an added do and a changed don\'t, as plain text', async () => {
    const { getVersion } = setup();
    await screen.findByText('Version 2.0');
    // Chosen newest first: the older one is still "before".
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare version 1.1' }));
    expect(screen.getByText('Tick one more version to compare with version 1.1.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare version 1.0' }));
    await screen.findByText('What changed from version 1.0 to version 1.1');
    expect(getVersion).toHaveBeenCalledWith(1);
    expect(getVersion).toHaveBeenCalledWith(2);

    const dos = document.querySelector('[data-area="do"]') as HTMLElement;
    const added = within(dos).getByText('Added').closest('li') as HTMLElement;
    expect(within(added).getByText('Have a plan')).toBeTruthy();
    expect(within(added).getByText('Objectives first, <img src=x onerror=alert(1)>.', { exact: false })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();

    const donts = document.querySelector('[data-area="dont"]') as HTMLElement;
    expect(within(donts).getByRole('heading').textContent).toBe("Don'ts (1)");
    const changed = within(donts).getByText('Changed').closest('li') as HTMLElement;
    expect(changed.getAttribute('data-change-kind')).toBe('changed');
    expect(within(changed).getByText("Don't assume it is free: Time costs.", { exact: false })).toBeTruthy();
    expect(within(changed).getByText("Don't assume it is free: Staff time costs money.", { exact: false })).toBeTruthy();
    expect(within(changed).getByText('Before:')).toBeTruthy();
    expect(within(changed).getByText('After:')).toBeTruthy();
    // Nothing else changed between these two.
    expect(document.querySelector('[data-area="names"], [data-area="section"], [data-area="link"]')).toBeNull();
  });

  it('shows what changed in a version since the one before it, including names', async () => {
    setup();
    await screen.findByText('Version 2.0');
    fireEvent.click(screen.getByRole('button', { name: 'What changed in version 2.0 since version 1.1' }));
    await screen.findByText('What changed from version 1.1 to version 2.0');
    const names = document.querySelector('[data-area="names"]') as HTMLElement;
    expect(within(names).getByText('Northshire Council', { exact: false })).toBeTruthy();
    expect(within(names).getByText('Northshire Borough Council', { exact: false })).toBeTruthy();
  });

  it('reads an earlier version with its own content and says which one is in force', async () => {
    const { getVersion } = setup();
    await screen.findByText('Version 2.0');
    fireEvent.click(screen.getByRole('button', { name: 'Read version 1.0' }));
    await screen.findByText('You are reading version 1.0. The version in force is 2.0.');
    expect(getVersion).toHaveBeenCalledWith(1);
    expect(screen.getByText('For Northshire Council.')).toBeTruthy();
    expect(screen.queryByText('Have a plan')).toBeNull();
  });

  it('shows an error with a retry when the versions cannot be loaded', async () => {
    const listVersions = jest.fn()
      .mockRejectedValueOnce(new AppError('throttled', 'SharePoint is busy right now. Nothing was lost; please try again in a moment.'))
      .mockResolvedValueOnce(versions.map(summary));
    setup(listVersions);
    await screen.findByText(/SharePoint is busy right now/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(listVersions).toHaveBeenCalledTimes(2);
  });
});
