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

// Opening the personal app from a policy notification (deep link policy:<id of N.0>).
function openFromNotification(prepare: (policies: MemoryPolicies, acks: MemoryAcknowledgements) => Promise<number>) {
  const acks = new MemoryAcknowledgements(() => SAM.userId);
  const policies = new MemoryPolicies(acks, false);
  return prepare(policies, acks).then((linkedId) => {
    const services = {
      host: { kind: 'teamsPersonal', siteUrl: 'https://contoso.sharepoint.com/sites/hub', pageUrl: '', theme: 'light', deepLink: { pageId: 'policy', subPageId: String(linkedId) }, user: { displayName: 'Sam', email: '', loginName: 'sam', siteUserId: SAM.userId } } as unknown as Host,
      policy: new PolicyService(policies, acks, async () => SAM.userId)
    } as unknown as Services;
    render(<App services={services} theme="light" />);
    return { acks };
  });
}

const ASK = 'I have read the policy and will follow it';

describe('a notification that has been acted on', () => {
  it('says the person already confirmed the version it was about, and does not ask again', async () => {
    await openFromNotification(async (policies, acks) => {
      const release = policies.seed(1, 0);
      await acks.add(1, '1.0');
      return release.id;
    });
    const outcome = await screen.findByTestId('notification-outcome');
    expect(outcome.textContent).toMatch(/^This notification asked you to confirm version 1\.0\. You confirmed it on \d{1,2} \w+ \d{4}: there is nothing more to do\.$/);
    expect(screen.queryByRole('button', { name: ASK })).toBeNull();
    expect(screen.queryByText(/needs your acknowledgement/)).toBeNull();
  });

  it('a minor since then changes nothing: the notification about its N.0 is still done', async () => {
    await openFromNotification(async (policies, acks) => {
      const release = policies.seed(1, 0);
      await acks.add(1, '1.0');
      policies.seed(1, 1, 'Typo fixed.');
      return release.id;
    });
    expect((await screen.findByTestId('notification-outcome')).textContent).toMatch(/confirm version 1\.0\. You confirmed it on/);
  });

  it('about a version since replaced: says so, and asks for the one in force', async () => {
    await openFromNotification(async (policies, acks) => {
      const old = policies.seed(1, 0);
      await acks.add(1, '1.0');
      policies.seed(2, 0, 'New section on elections.');
      return old.id;
    });
    expect((await screen.findByTestId('notification-outcome')).textContent).toBe('This notification was about an earlier version of the policy. Version 2.0 is now in force.');
    expect(await screen.findByRole('button', { name: ASK })).toBeTruthy();
  });

  it('not yet acted on: asks as usual, and says it is done once confirmed', async () => {
    const { acks } = await openFromNotification(async (policies) => policies.seed(1, 0).id);
    fireEvent.click(await screen.findByRole('button', { name: ASK }));
    expect((await screen.findByTestId('notification-outcome')).textContent).toMatch(/You confirmed it on/);
    expect(acks.records).toHaveLength(1);
  });
});
