import * as React from 'react';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { Spinner } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { Services } from '../../app/createServices';
import type { HostPalette, ThemeName } from '../../app/host';
import { ServicesContext } from '../common/ServicesContext';
import { PolicyPageContext, type PolicyPageState } from '../common/PolicyPageContext';
import { NavigationContext } from '../common/NavigationContext';
import { useAsync } from '../common/useAsync';
import { Notice } from '../common/Notice';
import { format } from '../common/format';
import { PolicyView } from '../policy/PolicyView';
import { ChangesSinceConfirmed } from '../policy/ChangesSinceConfirmed';
import { themeFor } from './themes';
import { TabBar, PANEL_ID, tabId, type Tab } from './TabBar';
import { retryableLazy, ViewBoundary } from './viewBoundary';

// Views other than the policy load on demand so the first paint stays within the script budget.
// Each sits inside a ViewBoundary, so a chunk that fails to arrive shows a retry, not a blank part.
const LAZY_VIEWS = {
  setup: retryableLazy(() => import(/* webpackChunkName: 'smh-setup-view' */ '../setup/SetupView')),
  history: retryableLazy(() => import(/* webpackChunkName: 'smh-history-view' */ '../history/HistoryView')),
  edit: retryableLazy(() => import(/* webpackChunkName: 'smh-editor-view' */ '../editor/PolicyEditorView')),
  coverage: retryableLazy(() => import(/* webpackChunkName: 'smh-coverage-view' */ '../coverage/CoverageView')),
  review: retryableLazy(() => import(/* webpackChunkName: 'smh-review-view' */ '../review/ReviewView')),
  register: retryableLazy(() => import(/* webpackChunkName: 'smh-register-view' */ '../register/RegisterView')),
  requests: retryableLazy(() => import(/* webpackChunkName: 'smh-requests-view' */ '../requests/RequestsView')),
  emergency: retryableLazy(() => import(/* webpackChunkName: 'smh-emergency-view' */ '../emergency/EmergencyView')),
  vault: retryableLazy(() => import(/* webpackChunkName: 'smh-vault-view' */ '../vault/VaultView'))
};
const SetupView = LAZY_VIEWS.setup.View;
const HistoryView = LAZY_VIEWS.history.View;
const PolicyEditorView = LAZY_VIEWS.edit.View;
const CoverageView = LAZY_VIEWS.coverage.View;
const ReviewView = LAZY_VIEWS.review.View;
const RegisterView = LAZY_VIEWS.register.View;
const RequestsView = LAZY_VIEWS.requests.View;
const EmergencyView = LAZY_VIEWS.emergency.View;
const VaultView = LAZY_VIEWS.vault.View;

export type PageId = 'policy' | 'history' | 'requests' | 'register' | 'emergency' | 'edit' | 'coverage' | 'review' | 'vault' | 'setup';
const PAGES: PageId[] = ['policy', 'history', 'requests', 'register', 'emergency', 'edit', 'coverage', 'review', 'vault', 'setup'];

export function initialPage(services: Services): PageId {
  const asked = services.host.deepLink?.pageId as PageId | undefined;
  return asked && PAGES.includes(asked) ? asked : 'policy';
}

function visibleTabs(state: PolicyPageState['state']): Tab<PageId>[] {
  const page = state.status === 'ready' ? state.value : undefined;
  const notSetUp = state.status === 'error' && (state.error as { kind?: string }).kind === 'notSetUp';
  const tabs: Tab<PageId>[] = [{ key: 'policy', label: strings.NavPolicy }, { key: 'history', label: strings.NavHistory }];
  // Everyone may ask comms for something; the gate (policy confirmed) is asked when they send.
  if (!notSetUp) tabs.push({ key: 'requests', label: strings.NavRequests });
  // Everyone reads the register ("is this account ours?"), once the site is set up.
  if (page) tabs.push({ key: 'register', label: strings.RegisterNav });
  // Everyone should know who runs social media in an emergency; comms edit it.
  if (page) tabs.push({ key: 'emergency', label: strings.EmergencyNav });
  // Showing comms' and owners' tools only to them is tidiness, not security: SharePoint refuses
  // anyone else's writes whatever the page shows.
  if (page?.canPublish) tabs.push({ key: 'edit', label: strings.NavEdit });
  if (page?.canReadAllAcks) tabs.push({ key: 'coverage', label: strings.NavCoverage });
  if (page?.canReadAllRequests) tabs.push({ key: 'review', label: strings.NavReview });
  // Comms hold the vault (reviewers are comms); the comms group's list rights decide what it opens.
  if (page?.canReview) tabs.push({ key: 'vault', label: strings.VaultNav });
  if (page?.canManageSite || notSetUp) tabs.push({ key: 'setup', label: strings.NavSetup });
  return tabs;
}

export function App({ services, theme: themeName, palette }: { services: Services; theme: ThemeName; palette?: HostPalette }): React.ReactElement {
  const [page, setPage] = React.useState<PageId>(() => initialPage(services));
  const theme = React.useMemo(() => themeFor(themeName, palette), [themeName, palette]);
  const [state, reload, update] = useAsync(() => services.policy.loadPage(), [services]);
  const policyPage = React.useMemo<PolicyPageState>(() => ({ state, reload, update }), [state, reload, update]);
  const tabs = visibleTabs(state);
  const current = tabs.some((t) => t.key === page) || state.status === 'loading' ? page : 'policy';
  const navigate = React.useCallback((id: string) => { if (PAGES.includes(id as PageId)) setPage(id as PageId); }, []);
  const needsAck = state.status === 'ready' && state.value.acknowledgement.required ? state.value.policy : undefined;

  return (
    <ServicesContext.Provider value={services}>
      <PolicyPageContext.Provider value={policyPage}>
        <NavigationContext.Provider value={navigate}>
        <ThemeProvider theme={theme} style={{ background: 'transparent', padding: '4px 0' }} data-smh-host={services.host.kind} data-smh-theme={themeName}>
          {needsAck && current !== 'policy' && (
            <Notice kind="warning" action={{ label: strings.AckBannerAction, onClick: () => setPage('policy') }}>
              {format(strings.AckBanner, needsAck.majorRelease?.label ?? needsAck.label)}
              {state.status === 'ready' && state.value.acknowledgement.sinceConfirmed && (
                <ChangesSinceConfirmed since={state.value.acknowledgement.sinceConfirmed} render={state.value.render} />
              )}
            </Notice>
          )}
          <TabBar<PageId> label={strings.AppTitle} selected={current} onSelect={setPage} tabs={tabs} />
          <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(current)} style={{ paddingTop: 12 }}>
            {current === 'policy' && <PolicyView onOpenSetup={() => setPage('setup')} />}
            {current !== 'policy' && (
              <ViewBoundary key={current} onRetry={LAZY_VIEWS[current].reset}>
                <React.Suspense fallback={<Spinner label={strings.Loading} />}>
                  {current === 'history' && <HistoryView />}
                  {current === 'edit' && <PolicyEditorView onPublished={() => setPage('policy')} />}
                  {current === 'coverage' && <CoverageView />}
                  {current === 'requests' && <RequestsView />}
                  {current === 'review' && <ReviewView />}
                  {current === 'register' && <RegisterView />}
                  {current === 'emergency' && <EmergencyView />}
                  {current === 'vault' && <VaultView />}
                  {current === 'setup' && <SetupView />}
                </React.Suspense>
              </ViewBoundary>
            )}
          </div>
        </ThemeProvider>
        </NavigationContext.Provider>
      </PolicyPageContext.Provider>
    </ServicesContext.Provider>
  );
}
