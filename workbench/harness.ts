import { startEmulator, type Emulator } from './emulator';
import { createGraphHandler } from './emulator/graph';
import { buildClient } from './build';
import { workbenchPages } from './pages';
import { isSeeded, seedDemo } from './seed';

// The whole workbench in one call: the browser bundle, the SharePoint/Graph emulator and the
// host pages on one loopback origin. `npm start`, the browser tests and `npm run bench` share it.

export interface Workbench {
  emulator: Emulator;
  url: string;
  siteUrl: string;
  close(): Promise<void>;
}

export async function startWorkbench(options: { port?: number; dataFile?: string; seed?: boolean; build?: boolean; minify?: boolean } = {}): Promise<Workbench> {
  if (options.build !== false) await buildClient({ minify: options.minify });
  let siteUrl = '';
  const emulator = await startEmulator({
    port: options.port ?? 0,
    dataFile: options.dataFile,
    graphHandlerFactory: createGraphHandler,
    extraHandlers: [workbenchPages(() => siteUrl)]
  });
  siteUrl = emulator.siteUrl;
  if (options.seed && !(await isSeeded(siteUrl))) await seedDemo(siteUrl);
  return { emulator, url: emulator.url, siteUrl, close: () => emulator.close() };
}
