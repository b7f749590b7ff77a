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

function setup(options: FakeOptions = {}, countAudience?: () => Promise<number>) {
  const fakes = makeFakes({ page: makePage(makeVersion(7, 2, 1, content())), ...options });
  const onPublished = jest.fn();
  const view = renderWith(fakes, <PolicyEditorView onPublished={onPublished} countAudience={countAudience} />);
  return { ...fakes, onPublished, view };
}

/** The confirmation a major version asks for. */
const confirmDialog = () => screen.findByRole('alertdialog');

const field = (path: string): HTMLInputElement => {
  const el = document.getElementById(`smh-edit-${path.replace(/\./g, '-')}`);
  if (!el) throw new Error(`no field for ${path}`);
  return el as HTMLInputElement;
};
const type = (path: string, value: string): void => { fireEvent.change(field(path), { target: { value } }); };
const ready = () => screen.findByRole('button', { name: /^Publish version/ });
const publishButton = () => screen.getByRole('button', { name: /^Publish version/ });
const dosOrder = () => Array.from(document.querySelectorAll('[aria-label="Do\'s"] > li[data-row]')).map((li) => li.getAttribute('data-row'));

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
    // A major version asks first; nothing is published until it is confirmed.
    const dialog = await confirmDialog();
    expect(publish).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, publish version 3.0' }));

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

  it('a draft started from an older version cannot be published before its author reviews what changed', async () => {
    localStorage.setItem(`smh.policyDraft.${SITE_URL}.${LOGIN}.6`, JSON.stringify({
      format: 1, savedAt: '2026-03-01T09:30:00Z', basedOnId: 6, basedOnLabel: '2.0', kind: 'minor', changeSummary: 'Old work',
      content: { ...content(), dos: [{ id: 'do-old', title: 'Old draft item', detail: '' }] }
    }));
    const getVersion = jest.fn(async (id: number) => makeVersion(id, 2, 0, content()));
    const { publish } = setup({ policy: { getVersion } });
    await ready();
    expect(screen.getByText(/started from version 2\.0, and version 2\.1 has been published since/)).toBeTruthy();
    expect(field('dos.0.title').value).toBe('Old draft item');
    fireEvent.click(publishButton());
    // Publishing opens the three-way view instead (the base, 2.0, is loaded for it).
    await screen.findByTestId('merge-view');
    expect(getVersion).toHaveBeenCalledWith(6);
    expect(publish).not.toHaveBeenCalled();
  });

  it('"Load the version in force" asks first, then loads it and no older draft comes back', async () => {
    for (const [id, label, title] of [[5, '1.9', 'Oldest draft'], [6, '2.0', 'Old draft item']] as const) {
      localStorage.setItem(`smh.policyDraft.${SITE_URL}.${LOGIN}.${id}`, JSON.stringify({
        format: 1, savedAt: `2026-03-0${id - 4}T09:30:00Z`, basedOnId: id, basedOnLabel: label, kind: 'minor', changeSummary: 'Old work',
        content: { ...content(), dos: [{ id: `do-${id}`, title, detail: '' }] }
      }));
    }
    const { view, services, pageState } = setup();
    await ready();
    expect(field('dos.0.title').value).toBe('Old draft item');
    fireEvent.click(screen.getByRole('button', { name: 'Load the version in force' }));
    const dialog = await screen.findByRole('alertdialog');
    // "Keep my draft" keeps it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep my draft' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(field('dos.0.title').value).toBe('Old draft item');
    fireEvent.click(screen.getByRole('button', { name: 'Load the version in force' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard my draft and load it' }));
    expect(field('dos.0.title').value).toBe('Have conversations');
    expect(screen.queryByText(/was restored/)).toBeNull();
    // Closing and opening the editor again (as a reload does) starts from the version in force.
    view.unmount();
    expect(localStorage.length).toBe(0);
    renderWith({ services, pageState } as Parameters<typeof renderWith>[0], <PolicyEditorView onPublished={jest.fn()} />);
    await ready();
    expect(field('dos.0.title').value).toBe('Have conversations');
    expect(screen.queryByText(/was restored/)).toBeNull();
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
    fireEvent.click(within(await confirmDialog()).getByRole('button', { name: 'Yes, publish version 3.0' }));

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

  it('keeps the draft when someone else published meanwhile, and loads their version only after a confirmation', async () => {
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
    expect(reload).not.toHaveBeenCalled();
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard my draft and load it' }));
    expect(reload).toHaveBeenCalled();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('merges a stale draft with the version in force, one click per part, and publishes it based on the version in force', async () => {
    // 2.0 (id 6) is the draft's base; 2.1 (id 7, in force) reworded "Have a plan"; the draft reworded
    // "Have conversations" and also "Have a plan".
    const base = content();
    const inForce = content();
    inForce.dos[1] = { ...inForce.dos[1], detail: 'Objectives first, agreed with comms.' };
    inForce.donts[0] = { ...inForce.donts[0], detail: 'People stop listening, fast.' };
    const mine = content();
    mine.dos[0] = { ...mine.dos[0], title: 'Have real conversations' };
    mine.dos[1] = { ...mine.dos[1], detail: 'Objectives first, then content.' };
    localStorage.setItem(`smh.policyDraft.${SITE_URL}.${LOGIN}.6`, JSON.stringify({
      format: 1, savedAt: '2026-03-01T09:30:00Z', basedOnId: 6, basedOnLabel: '2.0', kind: 'minor', changeSummary: 'My wording', content: mine
    }));
    const getVersion = jest.fn(async (id: number) => makeVersion(id, 2, 0, base));
    const { publish } = setup({ page: makePage(makeVersion(7, 2, 1, inForce)), policy: { getVersion } });
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
    const merge = await screen.findByTestId('merge-view');
    expect(getVersion).toHaveBeenCalledWith(6);
    const part = (key: string) => merge.querySelector(`[data-merge-part="${key}"]`) as HTMLElement;
    expect(part('do:do-talk').getAttribute('data-merge-state')).toBe('theirs');
    expect(within(part('do:do-talk')).getByText('Only your draft changed this: your text is kept.')).toBeTruthy();
    expect(part('dont:dont-broadcast').getAttribute('data-merge-state')).toBe('published');
    expect(part('do:do-plan').getAttribute('data-merge-state')).toBe('conflict');
    // The inserted words are marked on each side against the base.
    expect(part('do:do-plan').querySelector('[data-side="published"] ins')?.textContent).toContain('agreed with comms');
    const use = within(merge).getByRole('button', { name: 'Use this as my draft' }) as HTMLButtonElement;
    expect(use.disabled || use.getAttribute('aria-disabled') === 'true').toBe(true);
    expect(within(merge).getByText('1 part still to choose.')).toBeTruthy();
    fireEvent.click(within(part('do:do-plan')).getByRole('button', { name: 'Keep mine: Have a plan' }));
    fireEvent.click(within(merge).getByRole('button', { name: 'Use this as my draft' }));
    expect(field('dos.0.title').value).toBe('Have real conversations');
    expect(field('dos.1.detail').value).toBe('Objectives first, then content.');
    expect(field('donts.0.detail').value).toBe('People stop listening, fast.');
    expect(screen.getByText(/Your draft now starts from version 2\.1/)).toBeTruthy();
    fireEvent.click(publishButton());
    await waitFor(() => expect(publish).toHaveBeenCalled());
    const call = publish.mock.calls[0][0] as { basedOn: { id: number }; content: PolicyContent };
    expect(call.basedOn.id).toBe(7);
    expect(call.content.dos.map((d) => d.title)).toEqual(['Have real conversations', 'Have a plan', 'Report monthly']);
    expect(call.content.donts[0].detail).toBe('People stop listening, fast.');
  });

  it('"Take all published" keeps the version in force everywhere, also where only the draft changed', async () => {
    const mine = content();
    mine.dos[0] = { ...mine.dos[0], title: 'Have real conversations' };
    localStorage.setItem(`smh.policyDraft.${SITE_URL}.${LOGIN}.6`, JSON.stringify({
      format: 1, savedAt: '2026-03-01T09:30:00Z', basedOnId: 6, basedOnLabel: '2.0', kind: 'minor', changeSummary: 'My wording', content: mine
    }));
    setup({ policy: { getVersion: jest.fn(async (id: number) => makeVersion(id, 2, 0, content())) } });
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
    const merge = await screen.findByTestId('merge-view');
    fireEvent.click(within(merge).getByRole('button', { name: 'Take all published' }));
    fireEvent.click(within(merge).getByRole('button', { name: 'Use this as my draft' }));
    expect(field('dos.0.title').value).toBe('Have conversations');
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

describe('removing with undo', () => {
  it('undoes the removal of a section, a do, a don\'t and a link, each back in its place', async () => {
    const { publish } = setup();
    await ready();
    const cases: [string, string, () => (string | null)[]][] = [
      ['Remove: Why we use social media', 'Why we use social media', () => Array.from(document.querySelectorAll('[aria-label="Introduction"] > li[data-row]')).map((li) => li.getAttribute('data-row'))],
      ['Remove: Have a plan', 'Have a plan', dosOrder],
      ["Remove: Don't just broadcast", "Don't just broadcast", () => Array.from(document.querySelectorAll('[aria-label="Don\'ts"] > li[data-row]')).map((li) => li.getAttribute('data-row'))],
      ['Remove: HR code of conduct', 'HR code of conduct', () => Array.from(document.querySelectorAll('[aria-label="Links"] > li[data-row]')).map((li) => li.getAttribute('data-row'))]
    ];
    for (const [button, name, order] of cases) {
      const before = order();
      fireEvent.click(screen.getByRole('button', { name: button }));
      expect(order()).toHaveLength(before.length - 1);
      const message = await screen.findByText(`Removed: ${name}.`);
      const bar = message.closest('.ms-MessageBar') as HTMLElement;
      // In the removed row's place in its list.
      const place = bar.closest('li') as HTMLElement;
      const rows = Array.from(place.parentElement!.children);
      expect(rows.indexOf(place)).toBe(before.indexOf(before.find((id) => !order().includes(id))!));
      fireEvent.click(within(bar).getByRole('button', { name: 'Undo' }));
      expect(order()).toEqual(before);
      expect(screen.queryByText(`Removed: ${name}.`)).toBeNull();
      expect(screen.getByText(`${name} is back.`)).toBeTruthy();
    }
    type('changeSummary', 'Nothing lost.');
    fireEvent.click(publishButton());
    await screen.findByText('Version 2.2 published.');
    const sent: PolicyContent = publish.mock.calls[0][0].content;
    expect(sent.sections.map((x) => x.id)).toEqual(['why']);
    expect(sent.dos.map((x) => x.id)).toEqual(['do-talk', 'do-plan', 'do-report']);
    expect(sent.donts.map((x) => x.id)).toEqual(['dont-broadcast', 'dont-free']);
    expect(sent.links).toEqual([{ title: 'HR code of conduct', url: 'https://intranet.example.org/conduct' }]);
  });

  it('a removal that is not undone is published without the item', async () => {
    const { publish } = setup();
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Have a plan' }));
    expect(await screen.findByText('Removed: Have a plan.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close this message' }));
    expect(screen.queryByText('Removed: Have a plan.')).toBeNull();
    type('changeSummary', 'Shorter.');
    fireEvent.click(publishButton());
    await screen.findByText('Version 2.2 published.');
    expect(publish.mock.calls[0][0].content.dos.map((x: { id: string }) => x.id)).toEqual(['do-talk', 'do-report']);
  });
});

describe('character counters', () => {
  it('count every limited field as it is typed, and say how many too many', async () => {
    setup();
    await ready();
    const describedBy = (path: string): string => {
      const ids = (field(path).getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    };
    expect(describedBy('dos.0.title')).toContain('18 of 120 characters');
    type('dos.0.title', 'x'.repeat(125));
    expect(describedBy('dos.0.title')).toContain('125 of 120 characters: 5 too many');
    expect(describedBy('dos.0.detail')).toContain('28 of 600 characters');
    expect(describedBy('names.organisation')).toContain('18 of 120 characters');
    expect(describedBy('names.commsHead')).toContain('12 of 120 characters');
    expect(describedBy('sections.0.heading')).toContain('23 of 120 characters');
    // Section text counts what staff read (placeholders as written), not the markup.
    expect(describedBy('sections.0.body')).toContain(`${'To talk with {organisation} residents.'.length} of 4,000 characters of text`);
    expect(describedBy('links.0.title')).toContain('18 of 120 characters');
    expect(describedBy('links.0.url')).toContain('36 of 2,000 characters');
    type('changeSummary', 'Short.');
    expect(describedBy('changeSummary')).toContain('6 of 500 characters');
  });
});

describe('confirming a major version', () => {
  const ownersAndBackups = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: i + 1, name: `P${i}`, email: '', roles: ['owner'], accounts: [] }));

  it('says how many people will be asked again and how many owners will be notified, and can be cancelled', async () => {
    const fakes = setup({}, async () => 1234);
    (fakes.services.coverage as jest.Mock).mockResolvedValue({ keyPeople: async () => ownersAndBackups(7) });
    await ready();
    fireEvent.click(screen.getByLabelText('Major: everyone must acknowledge again'));
    type('changeSummary', 'New rules.');
    fireEvent.click(publishButton());
    const dialog = await confirmDialog();
    expect(within(dialog).getByText('Publish version 3.0 and ask everyone to confirm again?')).toBeTruthy();
    await within(dialog).findByText('1,234 people will be asked to confirm the policy again.');
    expect(within(dialog).getByText('7 account owners and backups will be sent a Teams notification.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fakes.publish).not.toHaveBeenCalled();
    expect(field('changeSummary').value).toBe('New rules.');
  });

  it('says it in words when the numbers are not available', async () => {
    const fakes = setup();
    (fakes.services.coverage as jest.Mock).mockRejectedValue(new AppError('throttled', 'busy'));
    await ready();
    fireEvent.click(screen.getByLabelText('Major: everyone must acknowledge again'));
    type('changeSummary', 'New rules.');
    fireEvent.click(publishButton());
    const dialog = await confirmDialog();
    await within(dialog).findByText('Everyone who reads the policy will be asked to confirm it again.');
    expect(within(dialog).getByText('Account owners and backups will be sent a Teams notification.')).toBeTruthy();
    expect(within(dialog).queryByText(/\d+ people/)).toBeNull();
  });

  it('does not ask before a minor version', async () => {
    const { publish } = setup();
    await ready();
    type('changeSummary', 'Typo.');
    fireEvent.click(publishButton());
    await screen.findByText('Version 2.2 published.');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('toolbar and publish bar', () => {
  it('formatting buttons are icons named by their label, with no text of their own', async () => {
    setup();
    await ready();
    const toolbar = screen.getAllByRole('toolbar')[0];
    const buttons = within(toolbar).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Bold', 'Italic', 'Bulleted list', 'Numbered list', 'Link', 'Remove link']);
    for (const b of buttons) {
      expect(b.textContent?.trim()).toBe('');
      expect(b.querySelector('[data-icon-name]')).toBeTruthy();
    }
  });

  it('offers an outline only on long policies, and it moves focus to the part chosen', async () => {
    setup();
    await ready();
    expect(screen.queryByRole('button', { name: 'Go to' })).toBeNull();
    for (let i = 0; i < 8; i++) fireEvent.click(screen.getByRole('button', { name: 'Add a do' }));
    fireEvent.click(screen.getByRole('button', { name: 'Go to' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual([
      'Names', 'Why we use social media', "Do's", "Don'ts", 'Links', 'Version kind and what changed'
    ]);
    fireEvent.click(within(menu).getByRole('menuitem', { name: "Don'ts" }));
    expect(document.activeElement).toBe(field('donts'));
  });
});

describe('parts waiting for a feature', () => {
  it('are edited like any other, with a note that staff do not see them yet', async () => {
    const withFeature = { ...content(), dos: [...content().dos, { id: 'do-hub', title: 'File reports in the hub', detail: 'Soon.', feature: 'reports' }] };
    const fakes = makeFakes({ page: makePage(makeVersion(7, 2, 1, withFeature)) });
    renderWith(fakes, <PolicyEditorView onPublished={jest.fn()} />);
    await ready();
    const row = document.querySelector('[data-row="do-hub"]') as HTMLElement;
    expect(within(row).getByText('Staff will see this once the hub has monthly reports.')).toBeTruthy();
    expect(document.querySelector('[data-row="do-talk"]')?.textContent).not.toContain('Staff will see this');
    // Kept, tag and all, when published.
    type('changeSummary', 'Same.');
    fireEvent.click(publishButton());
    await screen.findByText('Version 2.2 published.');
    expect(fakes.publish.mock.calls[0][0].content.dos[3]).toEqual({ id: 'do-hub', title: 'File reports in the hub', detail: 'Soon.', feature: 'reports' });
  });
});
