import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startWorkbench } from './harness';
import { isSeeded } from './seed';

// `npm start`: builds the app for the browser, starts the SharePoint/Graph emulator with the
// workbench pages on one loopback origin, seeds demo data on first run, and prints where to go.

const PORT = Number(process.env.SMH_PORT ?? 4400);
const DATA_DIR = join(__dirname, '.data');

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const wb = await startWorkbench({ port: PORT, dataFile: join(DATA_DIR, 'emulator.json'), seed: false });
  if (!(await isSeeded(wb.siteUrl))) {
    process.stdout.write('First run: setting up the demo site with the product\'s own set-up…\n');
    const { seedDemo } = await import('./seed');
    const report = await seedDemo(wb.siteUrl);
    const { seedDemoRequests } = await import('./seed-requests');
    await seedDemoRequests(wb.siteUrl);
    const { seedDemoEmergencyPlan } = await import('./seed-emergency');
    await seedDemoEmergencyPlan(wb.siteUrl);
    process.stdout.write(`  ${report.changes.length} changes made; demo accounts, requests and emergency roles added.\n`);
  }
  process.stdout.write([
    '',
    'Social Media Hub workbench is running on the loopback address only: it trusts whoever the page says the user is.',
    `  SharePoint page:    ${wb.url}/sharepoint`,
    `  Teams tab (dark):   ${wb.url}/teams/tab?theme=dark`,
    `  Teams personal app: ${wb.url}/teams/personal`,
    'Switch person with the "Signed in as" menu. Data is kept in workbench/.data (delete it to start again).',
    'Press Ctrl+C to stop.',
    ''
  ].join('\n'));
}

main().catch((e) => {
  process.stderr.write(`The workbench could not start: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
