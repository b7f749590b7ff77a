import * as React from 'react';
import * as ReactDom from 'react-dom';
import { spfi, SPBrowser, SPFx } from '@pnp/sp';
import { createAppLifecycle } from '../../src/app/appLifecycle';
import { buildHost, themeFromTeams } from '../../src/app/buildHost';
import type { Host, HostKind } from '../../src/app/host';
import { createWorkbenchGraphClient } from '../../src/data/graph/workbenchGraphClient';
import { claimsLogin } from '../emulator/directory';
import { currentPerson } from './session';
import { ensureAppIcons } from '../../src/ui/common/icons';
import { SharePointChrome } from './SharePointChrome';
import { TeamsChrome } from './TeamsChrome';

// The workbench's stand-in for the SPFx shell: it builds the same Host the web part builds from
// this.context, from the emulator instead, and mounts the same app inside a host-like page.

interface PageConfig {
  kind: HostKind;
  siteUrl: string;
  formDigestValue?: string;
  formDigestTimeoutSeconds?: number;
  siteUserId?: number;
}

/**
 * With a digest in the page (as on a real SharePoint page) PnPjs's SPFx behaviour is used exactly as
 * in the web part: same headers, no contextinfo call. Without one (cookie not set yet) SPBrowser
 * fetches it.
 */
function spFor(config: PageConfig) {
  if (!config.formDigestValue) return spfi().using(SPBrowser({ baseUrl: config.siteUrl }));
  const pageContext = { web: { absoluteUrl: config.siteUrl }, legacyPageContext: { formDigestValue: config.formDigestValue, formDigestTimeoutSeconds: config.formDigestTimeoutSeconds ?? 1800 } };
  return spfi().using(SPFx({ pageContext } as unknown as Parameters<typeof SPFx>[0]));
}

// Mounts through the same lifecycle as the web part, with the same shared host building.
function WebPartSlot({ build }: { build: () => Promise<Host> }): React.ReactElement {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!ref.current) return undefined;
    const lifecycle = createAppLifecycle(ref.current);
    void lifecycle.show('workbench', build);
    return lifecycle.dispose;
  }, [build]);
  return <div ref={ref} data-testid="webpart" />;
}

function start(): void {
  // The workbench's own chrome (user switcher, activity feed) draws Fluent icons before the app mounts.
  ensureAppIcons();
  const config = JSON.parse(document.getElementById('smh-config')!.textContent!) as PageConfig;
  const person = currentPerson();
  const query = new URLSearchParams(window.location.search);
  const teams = config.kind === 'teamsTab' || config.kind === 'teamsPersonal';
  const teamsTheme = query.get('theme') ?? 'default';
  const build = (): Promise<Host> => buildHost({
    kind: config.kind,
    // The workbench page is always on the hub, so the page's site user id is the hub's.
    currentWebUrl: config.siteUrl,
    user: { displayName: person.displayName, email: person.upn, loginName: claimsLogin(person.upn), pageSiteUserId: config.siteUserId },
    teamsTheme: teams ? teamsTheme : undefined,
    teamsSubEntityId: query.get('subEntityId') ?? undefined,
    search: window.location.search,
    pageUrl: `${window.location.origin}/sharepoint`,
    spFor: () => spFor(config),
    graph: async () => createWorkbenchGraphClient({ origin: window.location.origin, user: person.upn })
  });
  document.body.style.margin = '0';
  const slot = <WebPartSlot build={build} />;
  const page = config.kind === 'teamsTab' || config.kind === 'teamsPersonal'
    ? <TeamsChrome person={person} theme={themeFromTeams(teamsTheme)} teamsTheme={teamsTheme} kind={config.kind}>{slot}</TeamsChrome>
    : <SharePointChrome person={person}>{slot}</SharePointChrome>;
  ReactDom.render(page, document.getElementById('root'));
}

start();
