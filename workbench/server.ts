import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startEmulator } from './emulator';
import { createGraphHandler } from './emulator/graph';
import { buildClient } from './build';
import { workbenchPages } from './pages';
import { isSeeded, seedDemo } from './seed';

// `npm start`: builds the app for the browser, starts the SharePoint/Graph emulator with the
// workbench pages on one loopback origin, seeds demo data on first run, and prints where to go.

const PORT = Number(process.env.SMH_PORT ?? 4400);
const DATA_DIR = join(__dirname, '.data');

async function main(): Promise<void> {
  await buildClient();
  mkdirSync(DATA_DIR, { recursive: true });
  let siteUrl = '';
  const emu = await startEmulator({
    port: PORT,
    dataFile: join(DATA_DIR, 'emulator.json'),
    graphHandlerFactory: createGraphHandler,
    extraHandlers: [workbenchPages(() => siteUrl)]
  });
  siteUrl = emu.siteUrl;
  if (!(await isSeeded(siteUrl))) {
    process.stdout.write('First run: setting up the demo site with the product\'s own set-up…\n');
    const report = await seedDemo(siteUrl);
    process.stdout.write(`  ${report.changes.length} changes made.\n`);
  }
  process.stdout.write([
    '',
    'Social Media Hub workbench is running (loopback only: it trusts whoever the page says the user is).',
    `  SharePoint page:    ${emu.url}/sharepoint`,
    `  Teams tab (dark):   ${emu.url}/teams/tab?theme=dark`,
    `  Teams personal app: ${emu.url}/teams/personal`,
    'Switch person with the "Signed in as" menu. Data is kept in workbench/.data (delete it to start again).',
    'Press Ctrl+C to stop.',
    ''
  ].join('\n'));
}

main().catch((e) => {
  process.stderr.write(`The workbench could not start: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
