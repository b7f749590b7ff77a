import type { Host, HostPalette, ThemeName } from './host';
import { mountApp as defaultMount, type MountedApp } from './mount';

// When the app is (re)built inside its element. The SPFx shell calls `show` from every render() with
// a key made of the properties the Host depends on (the hub address, the start view): the same key
// keeps the mounted app, a new key unmounts it and builds once for the new key, and a build that a
// newer key overtook while it was still running never mounts. So a property-pane change rebuilds the
// app exactly once, whatever order the framework's callbacks come in.

export interface AppLifecycle {
  show(key: string, build: () => Promise<Host>): Promise<void>;
  setTheme(theme: ThemeName, palette?: HostPalette): void;
  /** Unmounts for good; later calls do nothing. */
  dispose(): void;
  /** The key of the app on screen, if one is mounted. */
  readonly mountedKey: string | undefined;
}

export function createAppLifecycle(element: HTMLElement, mount: (element: HTMLElement, host: Host) => MountedApp = defaultMount): AppLifecycle {
  let wanted: { key: string; done: Promise<void> } | undefined;
  let mounted: { key: string; app: MountedApp } | undefined;
  let theme: { name: ThemeName; palette?: HostPalette } | undefined;
  let disposed = false;

  const unmount = (): void => {
    mounted?.app.unmount();
    mounted = undefined;
  };

  return {
    show(key, build) {
      if (disposed) return Promise.resolve();
      if (wanted?.key === key) return wanted.done;
      unmount();
      const done = build().then((host) => {
        if (disposed || wanted?.key !== key) return;
        // A theme change that arrived while building wins over the theme the build started from.
        const app = mount(element, theme ? { ...host, theme: theme.name, palette: theme.palette } : host);
        mounted = { key, app };
      });
      wanted = { key, done };
      // A failed build is not kept: the next show() with the same key tries again.
      done.catch(() => { if (wanted?.done === done) wanted = undefined; });
      return done;
    },
    setTheme(name, palette) {
      theme = { name, palette };
      mounted?.app.setTheme(name, palette);
    },
    dispose() {
      disposed = true;
      wanted = undefined;
      unmount();
    },
    get mountedKey() {
      return mounted?.key;
    }
  };
}
