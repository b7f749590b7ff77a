/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent } from '@testing-library/react';
import { App } from '../../src/ui/shell/App';
import { PolicyService } from '../../src/services/policyService';
import type { Services } from '../../src/app/createServices';
import type { Host } from '../../src/app/host';
import { MemoryAcknowledgements, MemoryPolicies, SAM } from '../support/fakes';

describe('acknowledging', () => {
  it('moves focus from the button that disappears to the confirmation that replaces it', async () => {
    const acks = new MemoryAcknowledgements(() => SAM.userId);
    const policies = new MemoryPolicies(acks, false);
    policies.seed(1, 0);
    const services = {
      host: { kind: 'sharePoint', siteUrl: 'https://contoso.sharepoint.com/sites/hub', pageUrl: '', theme: 'light', user: { displayName: 'Sam', email: '', loginName: 'sam', siteUserId: SAM.userId } } as unknown as Host,
      policy: new PolicyService(policies, acks, async () => SAM.userId)
    } as unknown as Services;
    render(<App services={services} theme="light" />);
    const button = await screen.findByRole('button', { name: 'I have read the policy and will follow it' });
    button.focus();
    fireEvent.click(button);
    const confirmation = await screen.findByTestId('acknowledge-confirmation');
    expect(confirmation.textContent).toMatch(/Acknowledged: thank you\. You acknowledged version 1\.0 on/);
    expect(document.activeElement).toBe(confirmation);
    expect(acks.records).toHaveLength(1);
  });
});
