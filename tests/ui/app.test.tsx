/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent, within } from '@testing-library/react';
import { App } from '../../src/ui/shell/App';
import { PolicyService } from '../../src/services/policyService';
import type { Services } from '../../src/app/createServices';
import type { Host } from '../../src/app/host';
import { MemoryAcknowledgements, MemoryPolicies, SAM } from '../support/fakes';

function setup(canPublish = false) {
  const acks = new MemoryAcknowledgements(() => SAM.userId);
  const policies = new MemoryPolicies(acks, canPublish);
  policies.seed(1, 0);
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
  return { acks };
}

describe('the app shell', () => {
  it('asks on every view until the person acknowledges, then stops asking everywhere', async () => {
    const { acks } = setup();
    await screen.findByRole('heading', { name: /social media policy/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Versions' }));
    const banner = await screen.findByText('Version 1.0 of the social media policy needs your acknowledgement.');
    fireEvent.click(within(banner.closest('[data-notice]') as HTMLElement).getByRole('button', { name: 'Read and acknowledge' }));
    fireEvent.click(await screen.findByRole('button', { name: 'I have read the policy and will follow it' }));
    await screen.findAllByText(/You acknowledged version 1\.0 on/);
    expect(acks.records).toHaveLength(1);
    fireEvent.click(screen.getByRole('tab', { name: 'Versions' }));
    expect(screen.queryByText('Version 1.0 of the social media policy needs your acknowledgement.')).toBeNull();
  });

  it("shows comms' tools only to people SharePoint lets publish, and links tabs to their panel", async () => {
    setup(false);
    await screen.findByRole('heading', { name: /social media policy/ });
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Policy', 'Versions', 'Requests', 'Accounts', 'Emergency plan']);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: 'Policy' }).id);
  });

  it('moves focus along the tabs with the arrow keys without opening them', async () => {
    setup(true);
    await screen.findByRole('heading', { name: /social media policy/ });
    const policyTab = screen.getByRole('tab', { name: 'Policy' });
    policyTab.focus();
    fireEvent.keyDown(policyTab, { key: 'ArrowRight' });
    expect(document.activeElement?.textContent).toBe('Versions');
    expect(policyTab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Policy', 'Versions', 'Requests', 'Accounts', 'Emergency plan', 'Edit policy', 'Acknowledgements']);
  });
});
