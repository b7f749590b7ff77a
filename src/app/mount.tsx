import * as React from 'react';
import * as ReactDom from 'react-dom';
import { App } from '../ui/shell/App';
import { ensureAppIcons } from '../ui/common/icons';
import { createServices } from './createServices';
import type { Host, HostPalette, ThemeName } from './host';

export interface MountedApp {
  /** Theme changes (site theme, Teams theme) re-render with the same services: nothing reloads. */
  setTheme(theme: ThemeName, palette?: HostPalette): void;
  unmount(): void;
}

/** Renders the app for a host into an element, once; the services live as long as the mount. */
export function mountApp(element: HTMLElement, host: Host): MountedApp {
  ensureAppIcons();
  const services = createServices(host);
  let theme = { name: host.theme, palette: host.palette };
  const render = (): void => { ReactDom.render(<App services={services} theme={theme.name} palette={theme.palette} />, element); };
  render();
  return {
    setTheme: (name, palette) => { theme = { name, palette }; render(); },
    unmount: () => { ReactDom.unmountComponentAtNode(element); }
  };
}
