import { createAppLifecycle } from '../../src/app/appLifecycle';
import type { Host } from '../../src/app/host';

// The lifecycle is what makes "a property change rebuilds the app once" true whatever order and
// however often the shell calls it.

function fakeMount() {
  const mounted: { host: Host; themes: string[]; unmounted: boolean }[] = [];
  const mount = (_el: unknown, host: Host) => {
    const entry = { host, themes: [] as string[], unmounted: false };
    mounted.push(entry);
    return { setTheme: (t: string) => entry.themes.push(t), unmount: () => { entry.unmounted = true; } };
  };
  return { mounted, mount };
}

const host = (siteUrl: string) => ({ siteUrl, theme: 'light' } as unknown as Host);
const element = {} as HTMLElement;

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

it('mounts once per key: repeated renders with the same key keep the app, a new key replaces it once', async () => {
  const { mounted, mount } = fakeMount();
  const life = createAppLifecycle(element, mount);
  const builds: string[] = [];
  const build = (url: string) => async () => { builds.push(url); return host(url); };
  await Promise.all([life.show('a', build('A')), life.show('a', build('A'))]);
  await life.show('a', build('A'));
  expect(builds).toEqual(['A']);
  await life.show('b', build('B'));
  await life.show('b', build('B'));
  expect(builds).toEqual(['A', 'B']);
  expect(mounted.map((m) => [m.host.siteUrl, m.unmounted])).toEqual([['A', true], ['B', false]]);
  expect(life.mountedKey).toBe('b');
});

it('a build overtaken by a newer key never mounts', async () => {
  const { mounted, mount } = fakeMount();
  const life = createAppLifecycle(element, mount);
  const slow = deferred<Host>();
  const first = life.show('old', () => slow.promise);
  await life.show('new', async () => host('NEW'));
  slow.resolve(host('OLD'));
  await first;
  expect(mounted.map((m) => m.host.siteUrl)).toEqual(['NEW']);
});

it('a failed build is not remembered: the same key builds again on the next render', async () => {
  const { mounted, mount } = fakeMount();
  const life = createAppLifecycle(element, mount);
  await expect(life.show('k', async () => { throw new Error('offline'); })).rejects.toThrow('offline');
  await life.show('k', async () => host('K'));
  expect(mounted.map((m) => m.host.siteUrl)).toEqual(['K']);
});

it('theme changes reach the mounted app, and one that arrives during a build is applied to it', async () => {
  const { mounted, mount } = fakeMount();
  const life = createAppLifecycle(element, mount);
  const pending = deferred<Host>();
  const shown = life.show('k', () => pending.promise);
  life.setTheme('dark');
  pending.resolve(host('K'));
  await shown;
  expect(mounted[0].host.theme).toBe('dark');
  life.setTheme('contrast');
  expect(mounted[0].themes).toEqual(['contrast']);
});

it('dispose unmounts, a build finishing afterwards does not mount, and later calls do nothing', async () => {
  const { mounted, mount } = fakeMount();
  const life = createAppLifecycle(element, mount);
  await life.show('a', async () => host('A'));
  const pending = deferred<Host>();
  const late = life.show('b', () => pending.promise);
  life.dispose();
  pending.resolve(host('B'));
  await late;
  await life.show('c', async () => host('C'));
  life.setTheme('dark');
  expect(mounted.map((m) => [m.host.siteUrl, m.unmounted])).toEqual([['A', true]]);
  expect(life.mountedKey).toBeUndefined();
});
