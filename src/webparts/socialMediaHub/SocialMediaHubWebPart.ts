import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeProvider, type IReadonlyTheme, type ThemeChangedEventArgs } from '@microsoft/sp-component-base';
import { spfi, SPFx } from '@pnp/sp';
import type { Host, HostKind, ThemeName } from '../../app/host';
import { mountApp } from '../../app/mount';
import { parseSubEntityId } from '../../data/graph/deepLinks';

export interface ISocialMediaHubWebPartProps {
  startView: string;
}

// The thin SPFx shell: builds the Host from this.context, mounts the app, unmounts on dispose.
// Everything testable lives below src/app.
export default class SocialMediaHubWebPart extends BaseClientSideWebPart<ISocialMediaHubWebPartProps> {
  private host: Host | undefined;
  private unmount: (() => void) | undefined;
  private siteTheme: IReadonlyTheme | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.siteTheme = themeProvider.tryGetTheme();
    themeProvider.themeChangedEvent.add(this, (args: ThemeChangedEventArgs) => {
      this.siteTheme = args.theme;
      if (this.host) this.host = { ...this.host, palette: this.siteTheme?.palette as Host['palette'] };
      this.render();
    });

    const teams = this.context.sdks.microsoftTeams ? await this.context.sdks.microsoftTeams.teamsJs.app.getContext() : undefined;
    const kind: HostKind = teams ? (teams.channel ? 'teamsTab' : 'teamsPersonal') : 'sharePoint';
    const theme: ThemeName = teams?.app.theme === 'dark' ? 'dark' : teams?.app.theme === 'contrast' ? 'contrast' : 'light';
    const query = new URLSearchParams(window.location.search);
    const deepLink = teams?.page.subPageId ? parseSubEntityId(teams.page.subPageId) : query.get('smh') ? { pageId: query.get('smh') as string, subPageId: query.get('item') ?? undefined } : { pageId: this.properties.startView || 'policy' };

    const user = this.context.pageContext.user;
    this.host = {
      kind,
      siteUrl: this.context.pageContext.web.absoluteUrl,
      user: { displayName: user.displayName, email: user.email, loginName: user.loginName, siteUserId: this.context.pageContext.legacyPageContext.userId as number },
      // Outside Teams a deep link falls back to this page (or, from Teams, to the site).
      pageUrl: teams ? this.context.pageContext.web.absoluteUrl : `${window.location.origin}${window.location.pathname}`,
      theme,
      palette: theme === 'light' ? (this.siteTheme?.palette as Host['palette']) : undefined,
      deepLink,
      sp: spfi().using(SPFx(this.context)),
      graph: await this.context.msGraphClientFactory.getClient('3')
    };
  }

  public render(): void {
    if (!this.host) return;
    this.unmount?.();
    this.unmount = mountApp(this.domElement, this.host);
  }

  protected onDispose(): void {
    this.unmount?.();
    this.unmount = undefined;
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
