/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent, within } from '@testing-library/react';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { PolicyContentView } from '../../src/ui/policy/PolicyView';
import { DEFAULT_POLICY, visibleContent, type PolicyContent } from '../../src/domain/policy';

const TODAY = visibleContent(DEFAULT_POLICY);
import { renderersFor, type PolicyPage } from '../../src/services/policyService';
import { DEFAULT_SETTINGS } from '../../src/services/ports/settings';

function page(content: PolicyContent = DEFAULT_POLICY): PolicyPage {
  const placeholders = { organisation: 'Northshire Council', commsHead: 'Hannah Lewis' };
  return {
    policy: { id: 1, major: 2, minor: 1, label: '2.1', isMajor: false, publishedAt: '2026-11-02T10:00:00Z', content },
    settings: { ...DEFAULT_SETTINGS, organisationName: placeholders.organisation, commsHeadName: placeholders.commsHead },
    placeholders,
    ...renderersFor(placeholders),
    acknowledgement: { required: false },
    myAcks: [],
    canPublish: false,
    canReadAllAcks: false,
    canManageSite: false
  };
}

const show = (p: PolicyPage) => render(<ThemeProvider><PolicyContentView page={p} /></ThemeProvider>);

describe('policy page', () => {
  it('shows the version, the names from settings, and every do and don\'t', () => {
    show(page());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Northshire Council: social media policy');
    expect(screen.getByText(/Version 2\.1, published 2 November 2026/)).toBeTruthy();
    expect(screen.getByText(/Hannah Lewis takes the final decision/)).toBeTruthy();
    const dos = document.querySelectorAll('.smh-dos li');
    const donts = document.querySelectorAll('.smh-donts li');
    expect(dos).toHaveLength(TODAY.dos.length);
    expect(donts).toHaveLength(TODAY.donts.length);
  });

  it('filters as you type, highlights the words, and says when nothing matches', () => {
    show(page());
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: 'password' } });
    const dos = document.querySelectorAll('.smh-dos li');
    // The vault has shipped, so its sentence is found beside the policy's own.
    expect(Array.from(dos).map((li) => li.getAttribute('data-item-id'))).toEqual(['do-passwords', 'do-passwords-vault']);
    expect(within(dos[0] as HTMLElement).getAllByText(/password/i, { selector: 'mark' }).length).toBeGreaterThan(0);
    expect(Array.from(document.querySelectorAll('.smh-donts li')).map((li) => li.getAttribute('data-item-id'))).toEqual(['dont-share-passwords']);
    fireEvent.change(box, { target: { value: 'qwertyuiop' } });
    expect(screen.getByText(/Nothing in the policy matches "qwertyuiop"/)).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(document.querySelectorAll('.smh-dos li')).toHaveLength(TODAY.dos.length);
  });

  it('shows hostile content as text and never as a live link or markup', () => {
    const hostile: PolicyContent = {
      sections: [{ id: 's', heading: '<img src=x onerror=alert(1)>', body: '<p>ok</p><script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">bad link</a><a href="https://example.org/a" onclick="x()">good link</a>' }],
      dos: [{ id: 'd', title: '<b onclick="x()">bold</b>', detail: 'x' }],
      donts: [],
      links: [{ title: 'Click me', url: 'javascript:alert(1)' }, { title: 'Good', url: 'https://example.org/' }]
    };
    const { container } = show(page(hostile));
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onclick]')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('bad link').getAttribute('href')).toBeNull();
    expect(screen.getByText('good link').getAttribute('href')).toBe('https://example.org/a');
    expect(screen.getByText('good link').getAttribute('rel')).toBe('noopener noreferrer');
    const links = Array.from(container.querySelectorAll('nav a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org/']);
    expect(screen.getByText('Click me').closest('a')).toBeNull();
  });
});

describe('parts waiting for a feature', () => {
  it('are not shown or found on the policy page while the hub lacks the feature', () => {
    show(page());
    // Monthly reports are the feature still to come: their sentence is neither shown nor found.
    expect(document.querySelector('[data-item-id="do-report-hub"]')).toBeNull();
    expect(screen.queryByText(/File the report in the hub/i)).toBeNull();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'reminds you before' } });
    expect(document.querySelectorAll('.smh-dos li')).toHaveLength(0);
    expect(document.querySelector('[data-item-id="do-talk"]')).toBeNull();
  });
});
