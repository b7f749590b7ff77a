import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { ThemeProvider, type IReadonlyTheme, type ThemeChangedEventArgs } from '@microsoft/sp-component-base';
import { spfi, SPFx } from '@pnp/sp';
import '@pnp/sp/webs';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { HostKind, HostPalette } from '../../app/host';
import { createAppLifecycle, type AppLifecycle } from '../../app/appLifecycle';
import { buildHost, paletteFor, themeFromTeams } from '../../app/buildHost';
import { HUB_STORAGE_KEY } from '../../app/hubSite';

export interface ISocialMediaHubWebPartProps {
  startView: string;
  hubSiteUrl?: string;
}

interface TeamsPage {
  kind: HostKind;
  theme?: string;
  subPageId?: string;
}

// The thin SPFx shell: gathers what only this.context knows, hands it to buildHost (src/app), and
// lets the app lifecycle mount it. Listeners are added once in onInit and removed in onDispose; a
// property-pane change only changes the key render() passes, so the app is rebuilt once for it.
export default class SocialMediaHubWebPart extends BaseClientSideWebPart<ISocialMediaHubWebPartProps> {
  private lifecycle: AppLifecycle | undefined;
  private themeProvider: ThemeProvider | undefined;
  private teams: TeamsPage = { kind: 'sharePoint' };

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.lifecycle = createAppLifecycle(this.domElement);
    this.themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.themeProvider.themeChangedEvent.add(this, this.onSiteThemeChanged);

    const teamsJs = this.context.sdks.microsoftTeams?.teamsJs;
    const teams = teamsJs ? await teamsJs.app.getContext() : undefined;
    if (teams) {
      this.teams = { kind: teams.channel ? 'teamsTab' : 'teamsPersonal', theme: teams.app.theme, subPageId: teams.page.subPageId };
      // Teams keeps one theme handler per app (registering again replaces it), and the lifecycle
      // ignores it once disposed.
      teamsJs?.app.registerOnThemeChangeHandler((name: string) => this.onTeamsThemeChanged(name));
    }
  }

  /** The properties the Host is built from; a change to any of them rebuilds the app. */
  private hostKey(): string {
    return JSON.stringify([this.properties.hubSiteUrl?.trim() ?? '', this.properties.startView?.trim() ?? '']);
  }

  private build(): ReturnType<typeof buildHost> {
    const user = this.context.pageContext.user;
    this.context.statusRenderer.clearError(this.domElement);
    return buildHost({
      kind: this.teams.kind,
      currentWebUrl: this.context.pageContext.web.absoluteUrl,
      hubProperty: this.properties.hubSiteUrl,
      tenantHubSetting: (currentWeb) => this.tenantHubSetting(currentWeb),
      user: { displayName: user.displayName, email: user.email, loginName: user.loginName, pageSiteUserId: this.context.pageContext.legacyPageContext.userId as number },
      teamsTheme: this.teams.theme,
      sitePalette: this.sitePalette(),
      teamsSubEntityId: this.teams.subPageId,
      search: window.location.search,
      startView: this.properties.startView || 'policy',
      // Outside Teams a deep link falls back to this page; from Teams to the hub.
      pageUrl: this.teams.kind === 'sharePoint' ? `${window.location.origin}${window.location.pathname}` : undefined,
      spFor: (siteUrl) => spfi(siteUrl).using(SPFx(this.context)),
      graph: () => this.context.msGraphClientFactory.getClient('3')
    });
  }

  private async tenantHubSetting(currentWeb: string): Promise<string | undefined> {
    try {
      const entity = await spfi(currentWeb).using(SPFx(this.context)).web.getStorageEntity(HUB_STORAGE_KEY);
      return entity?.Value || undefined;
    } catch {
      // No tenant app catalog or no setting: the current site is the hub.
      return undefined;
    }
  }

  private sitePalette(): HostPalette | undefined {
    return this.themeProvider?.tryGetTheme()?.palette as HostPalette | undefined;
  }

  private onTeamsThemeChanged(name: string): void {
    this.teams = { ...this.teams, theme: name };
    const theme = themeFromTeams(name);
    this.lifecycle?.setTheme(theme, paletteFor(theme, this.sitePalette()));
  }

  private onSiteThemeChanged(_args: ThemeChangedEventArgs): void {
    const theme = themeFromTeams(this.teams.theme);
    this.lifecycle?.setTheme(theme, paletteFor(theme, this.sitePalette()));
  }

  public render(): void {
    this.lifecycle?.show(this.hostKey(), () => this.build()).catch((e: unknown) => {
      this.context.statusRenderer.renderError(this.domElement, e instanceof Error ? e : String(e));
    });
  }

  protected onDispose(): void {
    this.themeProvider?.themeChangedEvent.remove(this, this.onSiteThemeChanged);
    this.lifecycle?.dispose();
  }

  /** Changes apply with the pane's Apply button, so typing an address does not rebuild the app per keystroke. */
  protected get disableReactivePropertyChanges(): boolean {
    return true;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PaneDescription },
        groups: [{
          groupName: strings.PaneGroup,
          groupFields: [
            PropertyPaneTextField('hubSiteUrl', { label: strings.PaneHubSiteUrl, description: strings.PaneHubSiteUrlHelp }),
            PropertyPaneTextField('startView', { label: strings.PaneStartView, description: strings.PaneStartViewHelp })
          ]
        }]
      }]
    };
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}

export type { IReadonlyTheme };
