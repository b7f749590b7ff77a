import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { ThemeProvider, type IReadonlyTheme, type ThemeChangedEventArgs } from '@microsoft/sp-component-base';
import { spfi, SPFx } from '@pnp/sp';
import '@pnp/sp/webs';
import * as strings from 'SocialMediaHubWebPartStrings';
import type { Host, HostKind, HostPalette, ThemeName } from '../../app/host';
import { mountApp, type MountedApp } from '../../app/mount';
import { parseSubEntityId } from '../../data/graph/deepLinks';
import { HUB_STORAGE_KEY, resolveHubUrl, sameSite } from './hubSite';

export interface ISocialMediaHubWebPartProps {
  startView: string;
  hubSiteUrl?: string;
}

const teamsTheme = (name: string | undefined): ThemeName => (name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'light');

// The thin SPFx shell: builds the Host from this.context, mounts the app once, passes theme changes
// on, unmounts on dispose. Everything testable lives below src/app.
export default class SocialMediaHubWebPart extends BaseClientSideWebPart<ISocialMediaHubWebPartProps> {
  private host: Host | undefined;
  private app: MountedApp | undefined;
  private themeProvider: ThemeProvider | undefined;
  private theme: ThemeName = 'light';

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.themeProvider.themeChangedEvent.add(this, this.onSiteThemeChanged);

    const teamsJs = this.context.sdks.microsoftTeams?.teamsJs;
    const teams = teamsJs ? await teamsJs.app.getContext() : undefined;
    teamsJs?.app.registerOnThemeChangeHandler((name: string) => { this.theme = teamsTheme(name); this.app?.setTheme(this.theme, this.palette()); });
    const kind: HostKind = teams ? (teams.channel ? 'teamsTab' : 'teamsPersonal') : 'sharePoint';
    this.theme = teamsTheme(teams?.app.theme);

    const currentWeb = this.context.pageContext.web.absoluteUrl;
    const tenantSetting = this.properties.hubSiteUrl ? undefined : await this.tenantHubSetting(currentWeb);
    const hubUrl = resolveHubUrl(this.properties.hubSiteUrl, tenantSetting, currentWeb);
    const onHub = sameSite(hubUrl, currentWeb);
    const query = new URLSearchParams(window.location.search);
    const user = this.context.pageContext.user;
    this.host = {
      kind,
      siteUrl: hubUrl,
      // The page's user id is the current site's; on another site the hub's is asked for once.
      user: { displayName: user.displayName, email: user.email, loginName: user.loginName, siteUserId: onHub ? (this.context.pageContext.legacyPageContext.userId as number) : undefined },
      theme: this.theme,
      palette: this.palette(),
      deepLink: teams?.page.subPageId ? parseSubEntityId(teams.page.subPageId) : query.get('smh') ? { pageId: query.get('smh') as string, subPageId: query.get('item') ?? undefined } : { pageId: this.properties.startView || 'policy' },
      // Outside Teams a deep link falls back to this page, or from Teams to the hub.
      pageUrl: teams ? hubUrl : `${window.location.origin}${window.location.pathname}`,
      sp: spfi(hubUrl).using(SPFx(this.context)),
      graph: await this.context.msGraphClientFactory.getClient('3')
    };
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

  /** The SharePoint site theme applies on SharePoint pages; Teams' own themes replace it. */
  private palette(): HostPalette | undefined {
    return this.theme === 'light' ? (this.themeProvider?.tryGetTheme()?.palette as HostPalette | undefined) : undefined;
  }

  private onSiteThemeChanged(_args: ThemeChangedEventArgs): void {
    this.app?.setTheme(this.theme, this.palette());
  }

  public render(): void {
    if (!this.host || this.app) return;
    this.app = mountApp(this.domElement, this.host);
  }

  protected onDispose(): void {
    this.themeProvider?.themeChangedEvent.remove(this, this.onSiteThemeChanged);
    this.app?.unmount();
    this.app = undefined;
  }

  protected onPropertyPaneFieldChanged(): void {
    // The hub or the start view changed: build the app again for it.
    this.app?.unmount();
    this.app = undefined;
    void this.onInit().then(() => this.render());
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
