import * as React from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import type { Services } from '../../../src/app/createServices';
import type { Host } from '../../../src/app/host';
import { DEFAULT_POLICY, namesFor, type PolicyContent, type PolicyVersion } from '../../../src/domain/policy';
import { PolicyPublisher } from '../../../src/services/policyPublisher';
import { renderersFor, type PolicyPage, type PolicyService } from '../../../src/services/policyService';
import { DEFAULT_SETTINGS } from '../../../src/services/ports/settings';
import type { IPolicyRepository, PublishInput } from '../../../src/services/ports/policy';
import type { AccountStaffing } from '../../../src/services/ports/accounts';
import type { DeliveryResult, INotifier } from '../../../src/services/ports/notifier';
import { ServicesContext } from '../../../src/ui/common/ServicesContext';
import { PolicyPageContext, type PolicyPageState } from '../../../src/ui/common/PolicyPageContext';
import { sanitizeHtml } from '../../../src/ui/common/sanitizeHtml';

// Fake services for the editor and history views: a real PolicyPublisher (so checking, cleaning
// and the delivery report are the product's own) over in-memory repositories and a scripted
// Teams notifier.
import { MemoryNotificationReports } from '../../support/fakes';

export const SITE_URL = 'https://contoso.sharepoint.com/sites/hub';
export const LOGIN = 'i:0#.f|membership|chris@contoso.org';

export function makeVersion(id: number, major: number, minor: number, content: PolicyContent, extra: Partial<PolicyVersion> = {}): PolicyVersion {
  return { id, major, minor, label: `${major}.${minor}`, isMajor: minor === 0, publishedAt: '2026-03-02T10:00:00Z', publishedBy: 'Chris Comms', content, ...extra };
}

export function makePage(policy: PolicyVersion | undefined = makeVersion(7, 2, 1, JSON.parse(JSON.stringify(DEFAULT_POLICY)) as PolicyContent)): PolicyPage {
  const settings = { ...DEFAULT_SETTINGS, organisationName: 'Northshire Council', commsHeadName: 'Hannah Lewis', teamsAppId: 'teams-app' };
  const placeholders = namesFor(policy?.content ?? {}, { organisation: settings.organisationName, commsHead: settings.commsHeadName });
  return { policy, settings, myAcks: [], canPublish: true, canReadAllAcks: true, canManageSite: false, placeholders, ...renderersFor(placeholders), acknowledgement: { required: false } };
}

export interface Fakes {
  services: Services;
  publisher: PolicyPublisher;
  /** What the editor asked the publisher to publish (spied, the real publisher still runs). */
  publish: jest.SpyInstance;
  notifyOwners: jest.SpyInstance;
  repoPublish: jest.Mock;
  notify: jest.Mock;
  reload: jest.Mock;
  pageState: PolicyPageState;
}

export interface FakeOptions {
  page?: PolicyPage;
  staffed?: AccountStaffing[];
  /** Per call of notifier.notify, the recipients that fail (throttled). */
  failing?: string[][];
  policy?: Partial<PolicyService>;
}

export function makeFakes(options: FakeOptions = {}): Fakes {
  const page = options.page ?? makePage();
  const repoPublish = jest.fn(async (input: PublishInput): Promise<PolicyVersion> => makeVersion(99, input.major, input.minor, input.content, { isMajor: input.isMajor, changeSummary: input.changeSummary }));
  // The version in force is the newest: the publisher's stale-draft check passes.
  const policies = { publish: repoPublish, listVersions: async () => (page.policy ? [page.policy] : []) } as unknown as IPolicyRepository;
  const staffed = options.staffed ?? [];
  const failing = [...(options.failing ?? [])];
  const notify = jest.fn(async (n: { recipients: string[] }): Promise<DeliveryResult[]> => {
    const fail = failing.shift() ?? [];
    return n.recipients.map((recipient): DeliveryResult => (fail.includes(recipient) ? { recipient, status: 'failed', retryAfterSeconds: 5, reason: 'throttled' } : { recipient, status: 'sent', via: 'single' }));
  });
  const notifier: INotifier = { notify, postChannelCard: jest.fn() };
  const publisher = new PolicyPublisher(policies, { staffedAccounts: async () => staffed }, { append: async () => undefined }, notifier, new MemoryNotificationReports(), sanitizeHtml);
  const publish = jest.spyOn(publisher, 'publish');
  const notifyOwners = jest.spyOn(publisher, 'notifyOwners');
  const host = { kind: 'sharePoint', siteUrl: SITE_URL, pageUrl: `${SITE_URL}/SitePages/Hub.aspx`, theme: 'light', user: { displayName: 'Chris Comms', email: 'chris@contoso.org', loginName: LOGIN, siteUserId: 12 } } as unknown as Host;
  const services = {
    host,
    policy: { listVersions: jest.fn(), getVersion: jest.fn(), ...options.policy } as unknown as PolicyService,
    gate: {} as Services['gate'],
    setup: jest.fn(),
    publisher: jest.fn(async () => publisher),
    coverage: jest.fn(),
    register: jest.fn()
  } as unknown as Services;
  const reload = jest.fn();
  const pageState: PolicyPageState = { state: { status: 'ready', value: page }, reload, update: jest.fn() };
  return { services, publisher, publish, notifyOwners, repoPublish, notify, reload, pageState };
}

export function renderWith(fakes: Fakes, ui: React.ReactElement): RenderResult {
  const wrap = (node: React.ReactElement): React.ReactElement => (
    <ServicesContext.Provider value={fakes.services}>
      <PolicyPageContext.Provider value={fakes.pageState}>
        <ThemeProvider>{node}</ThemeProvider>
      </PolicyPageContext.Provider>
    </ServicesContext.Provider>
  );
  const result = render(wrap(ui));
  return { ...result, rerender: (next: React.ReactElement) => result.rerender(wrap(next)) };
}
