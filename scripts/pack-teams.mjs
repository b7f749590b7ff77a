// Builds the developer-provided Teams package that SharePoint uses on "Sync to Teams" instead of
// generating one (a generated one could not carry `activities` or our `webApplicationInfo`):
// teams/TeamsSPFxApp.zip = src/teams/manifest.json and the two icons it names, flat. The SPFx
// packager copies every file of teams/ into the .sppkg, so teams/ holds only the icons and this
// zip; the manifest's source lives in src/teams/.
// Deterministic: fixed timestamps and order, so unchanged sources give the same bytes.
//
// Usage: node scripts/pack-teams.mjs [--out <zip path>]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const teamsDir = join(root, 'teams');
const sourceDir = join(root, 'src', 'teams');
const FIXED_TIME = new Date('1980-01-01T00:00:00');

function main() {
  const outIndex = process.argv.indexOf('--out');
  const manifestBytes = readFileSync(join(sourceDir, 'manifest.json'));
  // Parsed before packing so a broken manifest fails the build here, not in the Teams admin centre.
  const manifest = JSON.parse(manifestBytes.toString('utf8'));
  const icons = [manifest.icons.color, manifest.icons.outline];
  const entries = { 'manifest.json': [manifestBytes, { mtime: FIXED_TIME }] };
  for (const icon of icons) entries[icon] = [readFileSync(join(teamsDir, icon)), { mtime: FIXED_TIME, level: 0 }];
  const zip = zipSync(entries, { level: 9 });

  const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(teamsDir, 'TeamsSPFxApp.zip');
  writeFileSync(out, zip);
  console.log(`pack-teams: wrote ${out}`);
}

main();
