/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent, within, waitFor } from '@testing-library/react';
import { App } from '../../src/ui/shell/App';
import { PolicyService } from '../../src/services/policyService';
import type { Services } from '../../src/app/createServices';
import type { Host } from '../../src/app/host';
import { DEFAULT_POLICY, visibleContent, type PolicyContent } from '../../src/domain/policy';
import { MemoryAcknowledgements, MemoryPolicies, SAM } from '../support/fakes';

const VISIBLE = visibleContent(DEFAULT_POLICY);
const SECTION = VISIBLE.sections[1];
const DONT = VISIBLE.donts[0];
const UNCHANGED_SECTION = VISIBLE.sections[0];

/** 1.0 with a section and a don't reworded. */
function reworded(): PolicyContent {
  return {
    ...DEFAULT_POLICY,
    sections: DEFAULT_POLICY.sections.map((s) => (s.id === SECTION.id ? { ...s, body: `${s.body}<p>Check with comms before replying to a journalist.</p>` } : s)),
    donts: DEFAULT_POLICY.donts.map((d) => (d.id === DONT.id ? { ...d, detail: `${d.detail} Not even once.` } : d))
  };
}

function mount(policies: MemoryPolicies, acks: MemoryAcknowledgements) {
  const services = {
    host: { kind: 'sharePoint', siteUrl: 'https://contoso.sharepoint.com/sites/hub', pageUrl: '', theme: 'light', user: { displayName: 'Sam', email: '', loginName: 'sam', siteUserId: SAM.userId } } as unknown as Host,
    policy: new PolicyService(policies, acks, async () => SAM.userId),
    gate: {} as Services['gate'],
    setup: jest.fn(),
    publisher: jest.fn(),
    coverage: jest.fn(),
    register: jest.fn()
  } as unknown as Services;
  render(<App services={services} theme="light" />);
}

const bannerOf = (el: HTMLElement) => el.closest('[data-notice]') as HTMLElement;

describe('why confirm again', () => {
  it('lists the notes since the version last confirmed, marks what changed, and drops the marks once confirmed', async () => {
    const acks = new MemoryAcknowledgements(() => SAM.userId);
    const policies = new MemoryPolicies(acks);
    policies.seed(1, 0, 'First version.');
    await acks.add(1, '1.0');
    await policies.publish({ major: 1, minor: 1, isMajor: false, content: DEFAULT_POLICY, changeSummary: 'Fixed the links.' });
    await policies.publish({ major: 2, minor: 0, isMajor: true, content: reworded(), changeSummary: 'Talking to the press.' });
    mount(policies, acks);

    const intro = await screen.findByText('What changed since version 1.0, the one you last confirmed:');
    const banner = bannerOf(intro);
    const notes = within(banner).getAllByRole('listitem').map((li) => li.textContent);
    expect(notes).toEqual(['Version 2.0: Talking to the press.', 'Version 1.1: Fixed the links.']);

    // The marks come with the content of 1.0, read after the first paint.
    const marks = await screen.findAllByRole('note', { name: 'Changed since version 1.0, which you last confirmed' });
    expect(marks.map((m) => m.textContent)).toEqual(['Changed', 'Changed']);
    const section = document.querySelector(`[data-section-id="${SECTION.id}"]`) as HTMLElement;
    expect(within(section).getByRole('note').textContent).toBe('Changed');
    const dont = document.querySelector(`.smh-donts [data-item-id="${DONT.id}"]`) as HTMLElement;
    expect(within(dont).getByRole('note').textContent).toBe('Changed');
    expect(within(document.querySelector(`[data-section-id="${UNCHANGED_SECTION.id}"]`) as HTMLElement).queryByRole('note')).toBeNull();
    expect(within(banner).getByText('Parts new or reworded since version 1.0 are marked "Changed" below.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'I have read the policy and will follow it' }));
    await screen.findAllByText(/You acknowledged version 2\.0 on/);
    expect(screen.queryAllByRole('note')).toHaveLength(0);
    expect(screen.queryByText(/What changed since version 1\.0/)).toBeNull();
  });

  it('says it is their first time, and nothing else, to someone who never confirmed', async () => {
    const acks = new MemoryAcknowledgements(() => SAM.userId);
    const policies = new MemoryPolicies(acks);
    policies.seed(1, 0, 'First version.');
    await policies.publish({ major: 2, minor: 0, isMajor: true, content: reworded(), changeSummary: 'Talking to the press.' });
    mount(policies, acks);
    const first = await screen.findByText('This is your first time: please read the whole policy.');
    expect(within(bannerOf(first)).queryByRole('list')).toBeNull();
    expect(screen.queryByText(/Talking to the press/)).toBeNull();
    await screen.findByRole('button', { name: 'I have read the policy and will follow it' });
    expect(screen.queryAllByRole('note')).toHaveLength(0);
  });

  it('folds a long list away behind a toggle, also in the banner on the other views', async () => {
    const acks = new MemoryAcknowledgements(() => SAM.userId);
    const policies = new MemoryPolicies(acks);
    policies.seed(1, 0);
    await acks.add(1, '1.0');
    for (const minor of [1, 2, 3]) await policies.publish({ major: 1, minor, isMajor: false, content: DEFAULT_POLICY, changeSummary: minor === 2 ? '' : `Minor ${minor}.` });
    await policies.publish({ major: 2, minor: 0, isMajor: true, content: reworded(), changeSummary: 'Talking to the press.' });
    mount(policies, acks);
    await screen.findByText(/What changed since version 1\.0/);
    fireEvent.click(screen.getByRole('tab', { name: 'Versions' }));
    const banner = await waitFor(() => bannerOf(screen.getByText(/What changed since version 1\.0/)));
    expect(within(banner).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Version 2.0: Talking to the press.', 'Version 1.3: Minor 3.', 'Version 1.2: No change note was given.']);
    const toggle = within(banner).getByRole('button', { name: 'Show 1 more' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(within(banner).getAllByRole('listitem')).toHaveLength(4);
    expect(within(banner).getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('marks nothing, and does not point at marks, when the major version changed no section or item', async () => {
    const acks = new MemoryAcknowledgements(() => SAM.userId);
    const policies = new MemoryPolicies(acks);
    const v10 = policies.seed(1, 0);
    await acks.add(1, '1.0');
    await policies.publish({ major: 2, minor: 0, isMajor: true, content: { ...DEFAULT_POLICY, links: [{ title: 'Code of conduct', url: 'https://intranet.example/conduct' }] }, changeSummary: 'A link to the code of conduct.' });
    const read = jest.spyOn(policies, 'getVersion');
    mount(policies, acks);
    const intro = await screen.findByText('What changed since version 1.0, the one you last confirmed:');
    expect(within(bannerOf(intro)).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Version 2.0: A link to the code of conduct.']);
    // 1.0's content is read once, to compare; then the banner still says nothing about marks.
    await waitFor(() => expect(read).toHaveBeenCalledWith(v10.id));
    await screen.findByRole('button', { name: 'I have read the policy and will follow it' });
    expect(screen.queryAllByRole('note')).toHaveLength(0);
    expect(screen.queryByText(/are marked "Changed" below/)).toBeNull();
  });
});
