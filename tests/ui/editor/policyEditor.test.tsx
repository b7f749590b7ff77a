/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { screen, fireEvent, waitFor, within, act } from '@testing-library/react';
import PolicyEditorView from '../../../src/ui/editor/PolicyEditorView';
import { AppError } from '../../../src/domain/errors';
import type { PolicyContent } from '../../../src/domain/policy';
import { makeFakes, makePage, makeVersion, renderWith, SITE_URL, LOGIN, type FakeOptions } from './harness';

const content = (): PolicyContent => ({
  sections: [{ id: 'why', heading: 'Why we use social media', body: '<p>To talk with {organisation} residents.</p>' }],
  dos: [
    { id: 'do-talk', title: 'Have conversations', detail: 'Answer quickly and honestly.' },
    { id: 'do-plan', title: 'Have a plan', detail: 'Objectives first.' },
    { id: 'do-report', title: 'Report monthly', detail: 'On the 1st.' }
  ],
  donts: [
    { id: 'dont-broadcast', title: "Don't just broadcast", detail: 'People stop listening.' },
    { id: 'dont-free', title: "Don't assume it is free", detail: 'Staff time costs money.' }
  ],
  links: [{ title: 'HR code of conduct', url: 'https://intranet.example.org/conduct' }]
});

const DRAFT_KEY = `smh.policyDraft.${SITE_URL}.${LOGIN}.7`;

function setup(options: FakeOptions = {}) {
  const fakes = makeFakes({ page: makePage(makeVersion(7, 2, 1, content())), ...options });
  const onPublished = jest.fn();
  const view = renderWith(fakes, <PolicyEditorView onPublished={onPublished} />);
  return { ...fakes, onPublished, view };
}

const field = (path: string): HTMLInputElement => {
  const el = document.getElementById(`smh-edit-${path.replace(/\./g, '-')}`);
  if (!el) throw new Error(`no field for ${path}`);
  return el as HTMLInputElement;
};
const type = (path: string, value: string): void => { fireEvent.change(field(path), { target: { value } }); };
const ready = () => screen.findByRole('button', { name: /^Publish version/ });
const publishButton = () => screen.getByRole('button', { name: /^Publish version/ });
const dosOrder = () => Array.from(document.querySelectorAll('[aria-label="Do\'s"] > li')).map((li) => li.getAttribute('data-row'));

beforeEach(() => localStorage.clear());

describe('policy editor', () => {
  it('publishes the edited item with the chosen kind, based on the version in force', async () => {
    const { publish, repoPublish, reload, onPublished } = setup();
    await ready();
    type('dos.1.title', 'Have a written plan');
    type('dos.1.detail', 'Objectives, content and timing.');
    fireEvent.click(screen.getByLabelText('Major: everyone must acknowledge again'));
    expect(screen.getByText('This will be version 3.0.')).toBeTruthy();
    type('changeSummary', 'Planning made explicit.');
    fireEvent.click(screen.getByRole('button', { name: 'Publish version 3.0' }));

    await screen.findByText('Version 3.0 published.');
    expect(publish).toHaveBeenCalledTimes(1);
    const input = publish.mock.calls[0][0];
    expect(input.kind).toBe('major');
    expect(input.changeSummary).toBe('Planning made explicit.');
    expect(input.basedOn.id).toBe(7);
    expect(input.content.dos[1]).toEqual({ id: 'do-plan', title: 'Have a written plan', detail: 'Objectives, content and timing.' });
    expect(input.content.names).toEqual({ organisation: 'Northshire Council', commsHead: 'Hannah Lewis' });
    // Editor-only link ids never reach the stored content.
    expect(input.content.links).toEqual([{ title: 'HR code of conduct', url: 'https://intranet.example.org/conduct' }]);
    expect(repoPublish.mock.calls[0][0]).toMatchObject({ major: 3, minor: 0, isMajor: true });
    expect(reload).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show the published policy' }));
    expect(onPublished).toHaveBeenCalledTimes(1);
  });

  it('shows the limit for a 10,000-character explanation, keeps the text, and does not publish', async () => {
    const { publish, repoPublish } = setup();
    await ready();
    const long = 'x'.repeat(10000);
    type('donts.1.detail', long);
    type('changeSummary', 'Longer explanation.');
    // Not shown while typing: only after leaving the field or trying to publish.
    expect(screen.queryByText(/10,000 characters long/)).toBeNull();
    fireEvent.click(publishButton());

    // Next to the field (Fluent renders field errors a moment later, for screen readers) and in the summary.
    await waitFor(() => expect(screen.getAllByText(/is 10,000 characters long; the most is 600/)).toHaveLength(2));
    expect(within(screen.getByTestId('problem-summary')).getByText("Don'ts, item 2")).toBeTruthy();
    expect(field('donts.1.detail').value).toHaveLength(10000);
    expect(field('donts.1.detail').getAttribute('aria-invalid')).toBe('true');
    expect(publish).not.toHaveBeenCalled();
    expect(repoPublish).not.toHaveBeenCalled();
  });

  it('shows a field\'s problem once the field is left', async () => {
    setup();
    await ready();
    type('dos.0.title', '');
    expect(screen.queryByText('Give the do a short headline.')).toBeNull();
    fireEvent.blur(field('dos.0.title'));
    expect(await screen.findByText('Give the do a short headline.')).toBeTruthy();
  });

  it('never lets hostile rich text typed or pasted into a section reach the publish call', async () => {
    const { publish } = setup();
    await ready();
    const editable = field('sections.0.body') as unknown as HTMLElement;
    expect(editable.getAttribute('role')).toBe('textbox');
    expect(editable.getAttribute('aria-multiline')).toBe('true');
    expect(screen.getAllByRole('toolbar')[0].getAttribute('aria-label')).toMatch(/Formatting/);

    // What a browser could leave in the region (typed, dragged, injected by an extension).
    editable.innerHTML = '<p>Hello</p><img src=x onerror="alert(1)"><a href="javascript:alert(1)">click</a><script>alert(1)</script>';
    fireEvent.input(editable);
    editable.focus();
    const end = document.createRange();
    end.selectNodeContents(editable);
    end.collapse(false);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(end);
    fireEvent.paste(editable, {
      clipboardData: {
        getData: (t: string) => (t === 'text/html' ? '<b>kept</b><img src=y onerror="alert(2)"><a href="javascript:alert(2)">bad</a><script>alert(2)</script><a href="https://ok.example.org/">good</a>' : 'plain')
      }
    });
    // The paste itself went in sanitised.
    expect(editable.querySelectorAll('img[onerror]')).toHaveLength(1); // only the injected one, until the field is left
    fireEvent.blur(editable);
    expect(editable.querySelector('img, script, [onerror]')).toBeNull();

    type('changeSummary', 'Friendlier introduction.');
    fireEvent.click(publishButton());
    await screen.findByText('Version 2.2 published.');
    const body: string = publish.mock.calls[0][0].content.sections[0].body;
    expect(body).not.toMatch(/<img|onerror|javascript:|<script|alert\(1\)|alert\(2\)/i);
    expect(body).toContain('<p>Hello</p>');
    expect(body).toContain('<b>kept</b>');
    expect(body).toContain('href="https://ok.example.org/"');
  });

  it('moves a do down and up, keeping focus on the moved item, and publishes the new order', async () => {
    const { publish } = setup();
    await ready();
    expect(dosOrder()).toEqual(['do-talk', 'do-plan', 'do-report']);
    fireEvent.click(screen.getByRole('button', { name: 'Move down: Have conversations' }));
    expect(dosOrder()).toEqual(['do-plan', 'do-talk', 'do-report']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down: Have conversations' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move up: Report monthly' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move up: Report monthly' }));
    expect(dosOrder()).toEqual(['do-report', 'do-plan', 'do-talk']);
    // At the top, Move up is disabled: focus stays on the item, on its Move down button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down: Report monthly' }));

    fireEvent.click(screen.getByRole('button', { name: "Remove: Don't assume it is free" }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a do' }));
    const added = field('dos.3.title');
    expect(document.activeElement).toBe(added);
    type('dos.3.title', 'Learn from others');

    type('changeSummary', 'Reordered.');
    fireEvent.click(publishButton());
    await screen.findByText('Version 2.2 published.');
    const sent: PolicyContent = publish.mock.calls[0][0].content;
    expect(sent.dos.map((d) => d.id).slice(0, 3)).toEqual(['do-report', 'do-plan', 'do-talk']);
    expect(sent.dos[3].id).toMatch(/^do-[a-z0-9]+$/);
    expect(sent.dos[3].title).toBe('Learn from others');
    expect(sent.donts.map((d) => d.id)).toEqual(['dont-broadcast']);
  });

  it('keeps the draft in the browser across unmount and remount, and clears it after publishing', async () => {
    const first = setup();
    await ready();
    type('dos.0.title', 'Have real conversations');
    type('changeSummary', 'Wording.');
    first.view.unmount();
    expect(localStorage.getItem(DRAFT_KEY)).toContain('Have real conversations');

    const second = setup();
    await ready();
    expect(screen.getByText(/Your unsaved draft from .+ was restored/)).toBeTruthy();
    expect(field('dos.0.title').value).toBe('Have real conversations');
    expect(field('changeSummary').value).toBe('Wording.');
    fireEvent.click(publishButton());
    await screen.findByText('Version 2.2 published.');
    expect(second.publish.mock.calls[0][0].content.dos[0].title).toBe('Have real conversations');
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    second.view.unmount();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('saves the draft a moment after typing, not on every keystroke', async () => {
    jest.useFakeTimers();
    try {
      setup();
      await act(async () => { await Promise.resolve(); });
      await ready();
      type('dos.0.title', 'Typed');
      expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
      act(() => { jest.advanceTimersByTime(600); });
      expect(localStorage.getItem(DRAFT_KEY)).toContain('Typed');
    } finally {
      jest.useRealTimers();
    }
  });

  it('offers to discard a draft started from an older version than the one in force', async () => {
    localStorage.setItem(`smh.policyDraft.${SITE_URL}.${LOGIN}.6`, JSON.stringify({
      format: 1, savedAt: '2026-03-01T09:30:00Z', basedOnId: 6, basedOnLabel: '2.0', kind: 'minor', changeSummary: 'Old work',
      content: { ...content(), dos: [{ id: 'do-old', title: 'Old draft item', detail: '' }] }
    }));
    setup();
    await ready();
    expect(screen.getByText(/started from version 2\.0, and version 2\.1 has been published since/)).toBeTruthy();
    expect(field('dos.0.title').value).toBe('Old draft item');
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(field('dos.0.title').value).toBe('Have conversations');
    expect(screen.queryByText(/was restored/)).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('reports Teams delivery for a major version and retries only the recipients that failed', async () => {
    const person = (n: string) => ({ userId: 1, name: n, email: `${n}@contoso.org`, login: `${n}@contoso.org` });
    const { notify, notifyOwners } = setup({
      staffed: [
        { accountId: 1, accountName: 'Libraries', status: 'Active', owner: person('ann'), backup: person('bob') },
        { accountId: 2, accountName: 'Parks', status: 'Active', owner: person('cat'), backup: person('dan') }
      ],
      failing: [['bob@contoso.org', 'cat@contoso.org'], ['cat@contoso.org']]
    });
    await ready();
    fireEvent.click(screen.getByLabelText('Major: everyone must acknowledge again'));
    type('changeSummary', 'New rules on paid adverts.');
    fireEvent.click(publishButton());

    const report = await screen.findByTestId('delivery-report');
    expect(within(report).getByText('Teams notification sent to 2 of 4 owners and backups.')).toBeTruthy();
    // People are named as the register names them, and nobody is said to have received anything.
    expect(within(report).getByText('Sent to: ann, dan')).toBeTruthy();
    expect(within(report).getByText(/^bob: failed, can be retried: Teams was busy/)).toBeTruthy();
    expect(within(report).getByText(/^cat: failed, can be retried: Teams was busy/)).toBeTruthy();
    expect(report.textContent).not.toMatch(/deliver/i);

    fireEvent.click(within(report).getByRole('button', { name: 'Try again for those not reached' }));
    await within(report).findByText('Teams notification sent to 3 of 4 owners and backups.');
    expect(notifyOwners).toHaveBeenLastCalledWith(expect.objectContaining({ label: '3.0' }), ['bob@contoso.org', 'cat@contoso.org']);
    expect(notify.mock.calls[1][0].recipients).toEqual(['bob@contoso.org', 'cat@contoso.org']);
    expect(within(report).queryByText(/^bob: failed/)).toBeNull();
    expect(within(report).getByText(/^cat: failed/)).toBeTruthy();
  });

  it('keeps the draft when someone else published meanwhile, and offers to load their version', async () => {
    const { repoPublish, reload } = setup();
    repoPublish.mockRejectedValueOnce(new AppError('conflict', 'Someone else changed this while you were working on it.'));
    await ready();
    type('dos.0.title', 'Mine');
    type('changeSummary', 'Mine.');
    fireEvent.click(publishButton());
    await screen.findByText(/Someone else changed this/);
    expect(field('dos.0.title').value).toBe('Mine');
    expect(field('dos.0.title').disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Load the version in force' }));
    expect(reload).toHaveBeenCalled();
  });

  it('previews the draft as staff will see it', async () => {
    setup();
    await ready();
    type('dos.0.title', 'Talk with people');
    fireEvent.click(screen.getByRole('switch', { name: 'Preview' }));
    expect(screen.getByText('This is how version 2.2 will look. It is not published yet.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Northshire Council: social media policy' })).toBeTruthy();
    expect(screen.getByText('Talk with people')).toBeTruthy();
    expect(screen.getByText('To talk with Northshire Council residents.')).toBeTruthy();
    await waitFor(() => expect(document.getElementById('smh-edit-dos-0-title')).toBeNull());
  });
});
