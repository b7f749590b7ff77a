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

  it('compares two versions: an added do and a changed don\'t, with the words inserted and deleted marked', async () => {
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
    // A new item is all inserted text, shown as text (never as markup).
    expect(Array.from(added.querySelectorAll('ins')).map((x) => x.lastChild?.textContent)).toEqual(['Have a plan', 'Objectives first, <img src=x onerror=alert(1)>.']);
    expect(added.querySelector('del')).toBeNull();
    expect(document.querySelector('img')).toBeNull();

    const donts = document.querySelector('[data-area="dont"]') as HTMLElement;
    expect(within(donts).getByRole('heading').textContent).toBe("Don'ts (1)");
    const changed = within(donts).getByText('Changed').closest('li') as HTMLElement;
    expect(changed.getAttribute('data-change-kind')).toBe('changed');
    // "Time costs." became "Staff time costs money.": only those words are marked.
    expect(Array.from(changed.querySelectorAll('del')).map((x) => x.lastChild?.textContent)).toEqual(['Time ']);
    expect(Array.from(changed.querySelectorAll('ins')).map((x) => x.lastChild?.textContent)).toEqual(['Staff time ', ' money']);
    // The title did not change, so nothing in it is marked.
    expect(within(changed).getByText("Don't assume it is free").closest('ins, del')).toBeNull();
    // Screen readers hear which words were added and removed.
    expect(changed.querySelector('del')?.textContent).toBe('Removed text: Time ');
    expect(changed.querySelector('ins')?.textContent).toBe('Added text: Staff time ');
    // Nothing else changed between these two.
    expect(document.querySelector('[data-area="names"], [data-area="section"], [data-area="link"]')).toBeNull();
  });

  it('shows what changed in a version since the one before it, including names', async () => {
    setup();
    await screen.findByText('Version 2.0');
    fireEvent.click(screen.getByRole('button', { name: 'What changed in version 2.0 since version 1.1' }));
    await screen.findByText('What changed from version 1.1 to version 2.0');
    const names = document.querySelector('[data-area="names"]') as HTMLElement;
    expect(names.querySelector('ins')?.lastChild?.textContent).toBe('Borough ');
    expect(names.querySelector('del')).toBeNull();
    expect(names.querySelector('p')?.textContent).toBe('Northshire Added text: Borough Council');
  });

  it('compares rich text with its formatting kept and changed words marked inside it', async () => {
    const rich1: PolicyContent = { ...v1, sections: [{ id: 'why', heading: 'Why', body: '<p>Check <b>daily</b>, reply the same day.</p><ul><li>Be kind.</li></ul>' }] };
    const rich2: PolicyContent = { ...v1, sections: [{ id: 'why', heading: 'Why we post', body: '<p>Check <b>every working day</b>, reply the same day.</p><ul><li>Be kind.</li><li>See <a href="https://x.example/guide">the guide</a>.</li></ul>' }] };
    const rich3: PolicyContent = { ...v1, sections: [{ id: 'why', heading: 'Why we post', body: '<p>Check <b>every working day</b>, reply <em>the same day</em>.</p><ul><li>Be kind.</li><li>See <a href="https://x.example/guide">the guide</a>.</li></ul>' }] };
    const list = [makeVersion(11, 3, 0, rich1), makeVersion(12, 3, 1, rich2), makeVersion(13, 3, 2, rich3)];
    const getVersion = jest.fn(async (id: number) => list.find((v) => v.id === id)!);
    renderWith(makeFakes({ page: makePage(list[2]), policy: { listVersions: jest.fn(async () => list.map(summary)), getVersion } }), <HistoryView />);
    await screen.findByText('Version 3.2');
    fireEvent.click(screen.getByRole('button', { name: 'What changed in version 3.1 since version 3.0' }));
    await screen.findByText('What changed from version 3.0 to version 3.1');
    const section = document.querySelector('[data-area="section"] li') as HTMLElement;
    expect(within(section).getByText('Changed')).toBeTruthy();
    const strip = (el: Element) => el.innerHTML.replace(/<span class="[^"]*">(Added|Removed) text: <\/span>/g, '');
    expect(strip(section.querySelector('[class*="changeTitle"]')!)).toBe('Why<ins> we post</ins>');
    const body = section.querySelector('[class*="richText"]')!;
    expect(body.querySelector('p > b > del')?.lastChild?.textContent).toBe('daily');
    expect(body.querySelector('p > b > ins')?.lastChild?.textContent).toBe('every working day');
    expect(body.querySelectorAll('ul > li')).toHaveLength(2);
    const link = body.querySelector('ul > li:nth-child(2) a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://x.example/guide');
    expect(link.querySelector('ins')?.lastChild?.textContent).toBe('the guide');
    expect(body.textContent).toContain('Be kind.');

    // Formatting alone is a change too, and says so.
    fireEvent.click(screen.getByRole('button', { name: 'What changed in version 3.2 since version 3.1' }));
    await screen.findByText('What changed from version 3.1 to version 3.2');
    const second = document.querySelector('[data-area="section"] li') as HTMLElement;
    expect(second.querySelector('ins, del')).toBeNull();
    expect(second.querySelector('p > em')?.textContent).toBe('the same day');
    expect(within(second).getByText('Only the formatting changed.')).toBeTruthy();
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
