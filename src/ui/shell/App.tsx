import * as React from 'react';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { Spinner } from '@fluentui/react/lib/Spinner';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { Services } from '../../app/createServices';
import { ServicesContext } from '../common/ServicesContext';
import { PolicyView } from '../policy/PolicyView';
import { themeFor } from './themes';
import { TabBar } from './TabBar';

// Views other than the policy load on demand so the first paint stays within the script budget.
const SetupView = React.lazy(() => import(/* webpackChunkName: 'smh-setup-view' */ '../setup/SetupView'));

export type PageId = 'policy' | 'setup';
const PAGES: PageId[] = ['policy', 'setup'];

export function initialPage(services: Services): PageId {
  const asked = services.host.deepLink?.pageId as PageId | undefined;
  return asked && PAGES.includes(asked) ? asked : 'policy';
}

export function App({ services }: { services: Services }): React.ReactElement {
  const [page, setPage] = React.useState<PageId>(() => initialPage(services));
  const theme = React.useMemo(() => themeFor(services.host.theme, services.host.palette), [services.host.theme, services.host.palette]);
  return (
    <ServicesContext.Provider value={services}>
      <ThemeProvider theme={theme} style={{ background: 'transparent', padding: '4px 0' }} data-smh-host={services.host.kind} data-smh-theme={services.host.theme}>
        <TabBar<PageId> label={strings.AppTitle} selected={page} onSelect={setPage} tabs={[{ key: 'policy', label: strings.NavPolicy }, { key: 'setup', label: strings.NavSetup }]} />
        <div role="tabpanel" style={{ paddingTop: 12 }}>
          {page === 'policy' && <PolicyView onOpenSetup={() => setPage('setup')} />}
          {page === 'setup' && (
            <React.Suspense fallback={<Spinner label={strings.Loading} />}>
              <SetupView />
            </React.Suspense>
          )}
        </div>
      </ThemeProvider>
    </ServicesContext.Provider>
  );
}
