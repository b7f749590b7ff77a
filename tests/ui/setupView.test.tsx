/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, fireEvent, within } from '@testing-library/react';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import SetupView from '../../src/ui/setup/SetupView';
import { SetupService } from '../../src/services/setupService';
import type { IProvisioner, ProvisionKind, ProvisionStep } from '../../src/services/ports/provisioning';
import type { IPolicyRepository } from '../../src/services/ports/policy';
import { DEFAULT_SETTINGS, type HubSettings, type ISettingsRepository } from '../../src/services/ports/settings';
import type { Services } from '../../src/app/createServices';
import { ServicesContext } from '../../src/ui/common/ServicesContext';
import { PolicyPageContext } from '../../src/ui/common/PolicyPageContext';

const SITE = 'https://contoso.sharepoint.com/sites/hub';

// A site with nothing on it: 16 lists, 2 groups, 40 grants and 3 fields to make; once made, nothing.
class EmptySite implements IProvisioner {
  private made = new Set<string>();
  private groupIds = new Map<string, number>();
  public async canProvision() { return true; }
  public async notices() { return ['"SMH Vault Keys" is retired (the vault keeps its keys elsewhere); it was left in place with its 3 items.']; }
  public async whereToManage() {
    return { siteUrl: SITE, groups: [...this.groupIds].map(([principal, id]) => ({ principal, title: principal === 'comms' ? 'Social Media Hub Comms' : 'Social Media Hub Comms Heads', id })) };
  }
  public async planPhase(phase: number): Promise<ProvisionStep[] | undefined> {
    const plan: [ProvisionKind | undefined, string[]][] = [
      ['group', ['comms', 'commsHeads']],
      ['list', Array.from({ length: 16 }, (_, i) => `list ${i}`)],
      [undefined, ['field 1', 'field 2', 'field 3']],
      ['permission', Array.from({ length: 40 }, (_, i) => `grant ${i}`)]
    ];
    if (phase >= plan.length) return undefined;
    const [kind, names] = plan[phase];
    return names.filter((n) => !this.made.has(n)).map((n) => ({
      description: `make ${n}`,
      kind,
      apply: async () => {
        this.made.add(n);
        if (kind === 'group') this.groupIds.set(n, n === 'comms' ? 11 : 12);
      }
    }));
  }
}

function renderSetup(saved: Partial<HubSettings>[] = [], features?: React.ComponentProps<typeof SetupView>['features'], site: IProvisioner = new EmptySite()) {
  const settings: ISettingsRepository = {
    load: async () => ({ ...DEFAULT_SETTINGS, reportDay: 31 }),
    save: async (c) => { saved.push(c); return { ...DEFAULT_SETTINGS, ...c }; }
  };
  const policies = { hasAnyVersion: async () => true } as unknown as IPolicyRepository;
  const service = new SetupService(site, policies, settings);
  const services = {
    setup: async () => service,
    // Stored settings include one (report day) that this build does not ask for, and that is invalid.
    policy: { loadPage: async () => ({ settings: { ...DEFAULT_SETTINGS, reportDay: 31 } }) }
  } as unknown as Services;
  render(
    <ThemeProvider>
      <ServicesContext.Provider value={services}>
        <PolicyPageContext.Provider value={{ state: { status: 'loading' }, reload: () => undefined, update: () => undefined }}>
          <SetupView features={features} />
        </PolicyPageContext.Provider>
      </ServicesContext.Provider>
    </ThemeProvider>
  );
}

describe('set-up view', () => {
  it('asks only for settings of features this build has, and leaves the others as stored', async () => {
    const saved: Partial<HubSettings>[] = [];
    renderSetup(saved);
    await screen.findByRole('button', { name: 'Run set-up' });
    expect(screen.getByLabelText('Organisation name')).toBeTruthy();
    expect(screen.getByLabelText('Teams app id')).toBeTruthy();
    // The emergency plan has shipped: set-up asks where its announcements go.
    expect(screen.getByLabelText('Team for emergency announcements (team id)')).toBeTruthy();
    expect(screen.getByLabelText('Channel for emergency announcements (channel id)')).toBeTruthy();
    // So has credential custody: set-up asks how often passwords must be changed.
    expect(screen.getByLabelText('Rotate credentials every (days)')).toBeTruthy();
    // Monthly reports have not: their day is not asked for.
    expect(screen.queryByLabelText('Monthly report due on day')).toBeNull();
    fireEvent.change(screen.getByLabelText('Organisation name'), { target: { value: 'Northshire Council' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run set-up' }));
    await screen.findByText('Set-up finished. The hub is ready on this site.');
    // The hidden, invalid report day neither blocked the run nor was written back.
    expect(saved).toEqual([{ organisationName: 'Northshire Council' }]);
  });

  it('sums up the first run in counts, folds the detail away, and links the next steps', async () => {
    renderSetup();
    fireEvent.click(await screen.findByRole('button', { name: 'Run set-up' }));
    const result = (await screen.findByText('Set-up finished. The hub is ready on this site.')).closest('[data-setup-result]') as HTMLElement;
    expect(result.textContent).toContain('16 lists created, 2 groups, 40 permissions set, 3 other changes');
    const details = result.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(details).getByText('Technical detail: every change (61)')).toBeTruthy();
    expect(details.querySelectorAll('li')).toHaveLength(61);

    const steps = within(within(result).getByRole('list', { name: 'Next steps' })).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent?.split('.')[0])).toEqual([
      'Add the communications team to the Social Media Hub Comms group',
      'Add the head of communications to the Social Media Hub Comms Heads group',
      'Check that everyone who should read the policy can read this site'
    ]);
    expect(within(steps[0]).getByRole('link').getAttribute('href')).toBe(`${SITE}/_layouts/15/people.aspx?MembershipGroupId=11`);
    expect(within(steps[1]).getByRole('link').getAttribute('href')).toBe(`${SITE}/_layouts/15/people.aspx?MembershipGroupId=12`);
    expect(within(steps[2]).getByRole('link', { name: "Open the site's permissions" }).getAttribute('href')).toBe(`${SITE}/_layouts/15/user.aspx`);
    expect(result.textContent).toContain('"SMH Vault Keys" is retired');
  });

  it('says plainly on a second run that nothing changed, and still shows what it left alone', async () => {
    renderSetup();
    fireEvent.click(await screen.findByRole('button', { name: 'Run set-up' }));
    await screen.findByText('Set-up finished. The hub is ready on this site.');
    fireEvent.click(screen.getByRole('button', { name: 'Run set-up' }));
    const upToDate = await screen.findByText('Everything was already up to date. Nothing was changed.');
    const result = upToDate.closest('[data-setup-result]') as HTMLElement;
    expect(within(result).queryByRole('list', { name: 'Next steps' })).toBeNull();
    expect(result.querySelector('details')).toBeNull();
    expect(result.textContent).toContain('"SMH Vault Keys" is retired');
  });

  it('asks for a later feature\'s setting once that feature is switched on', async () => {
    renderSetup([], { reports: true });
    await screen.findByRole('button', { name: 'Run set-up' });
    expect(screen.getByLabelText('Monthly report due on day')).toBeTruthy();
    expect(screen.queryByLabelText('Rotate credentials every (days)')).toBeNull();
  });

  it('counts progress in steps of the plan known before the first one runs', async () => {
    // The first step waits until the test lets it go, so the progress line can be read mid-run.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => { release = r; });
    const site = new EmptySite();
    const plan = site.planPhase.bind(site);
    site.planPhase = async (phase) => (await plan(phase))?.map((s, i) => (phase === 0 && i === 0 ? { ...s, apply: async () => { await held; await s.apply(); } } : s));
    renderSetup([], undefined, site);
    fireEvent.click(await screen.findByRole('button', { name: 'Run set-up' }));
    expect(await screen.findByText('Step 1 of 61: make comms')).toBeTruthy();
    release();
    await screen.findByText('Set-up finished. The hub is ready on this site.');
  });
});
