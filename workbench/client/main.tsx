import * as React from 'react';
import * as ReactDom from 'react-dom';
import { spfi, SPBrowser, SPFx } from '@pnp/sp';
import { mountApp } from '../../src/app/mount';
import type { Host, HostKind, ThemeName } from '../../src/app/host';
import { parseSubEntityId } from '../../src/data/graph/deepLinks';
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

const TEAMS_THEMES: Record<string, ThemeName> = { default: 'light', dark: 'dark', contrast: 'contrast' };

function WebPartSlot({ host }: { host: Host }): React.ReactElement {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!ref.current) return undefined;
    const app = mountApp(ref.current, host);
    return app.unmount;
  }, [host]);
  return <div ref={ref} data-testid="webpart" />;
}

function start(): void {
  // The workbench's own chrome (user switcher, activity feed) draws Fluent icons before the app mounts.
  ensureAppIcons();
  const config = JSON.parse(document.getElementById('smh-config')!.textContent!) as PageConfig;
  const person = currentPerson();
  const query = new URLSearchParams(window.location.search);
  const teamsTheme = query.get('theme') ?? 'default';
  const theme: ThemeName = config.kind.startsWith('teams') ? TEAMS_THEMES[teamsTheme] ?? 'light' : 'light';
  const sub = query.get('subEntityId');
  const deepLink = sub ? parseSubEntityId(sub) : query.get('smh') ? { pageId: query.get('smh')!, subPageId: query.get('item') ?? undefined } : undefined;
  const host: Host = {
    kind: config.kind,
    siteUrl: config.siteUrl,
    user: { displayName: person.displayName, email: person.upn, loginName: claimsLogin(person.upn), siteUserId: config.siteUserId ?? 0 },
    pageUrl: `${window.location.origin}/sharepoint`,
    theme,
    deepLink,
    sp: spFor(config),
    graph: createWorkbenchGraphClient({ origin: window.location.origin, user: person.upn })
  };
  document.body.style.margin = '0';
  const slot = <WebPartSlot host={host} />;
  const page = config.kind === 'teamsTab' || config.kind === 'teamsPersonal'
    ? <TeamsChrome person={person} theme={theme} teamsTheme={teamsTheme} kind={config.kind}>{slot}</TeamsChrome>
    : <SharePointChrome person={person}>{slot}</SharePointChrome>;
  ReactDom.render(page, document.getElementById('root'));
}

start();
