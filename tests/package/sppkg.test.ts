import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import { AppManifestUtils } from '@microsoft/app-manifest';

// Runs after `npm run package` (see scripts/test-all.mjs): checks what a tenant admin would upload.

const SOLUTION_DIR = join(__dirname, '..', '..', 'sharepoint', 'solution');
const INITIAL_SCRIPT_BUDGET = 90 * 1024;

function readPackage(): Record<string, Uint8Array> {
  const name = readdirSync(SOLUTION_DIR).find((f) => f.endsWith('.sppkg'));
  if (!name) throw new Error('No .sppkg in sharepoint/solution: run `npm run package` first.');
  return unzipSync(new Uint8Array(readFileSync(join(SOLUTION_DIR, name))));
}

const decodeXmlAttr = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the SharePoint package', () => {
  const files = readPackage();
  const names = Object.keys(files);
  const webPartXml = strFromU8(files[names.find((n) => /WebPart_[0-9a-f-]+\.xml$/.test(n))!]);
  const manifest = JSON.parse(decodeXmlAttr(/ComponentManifest="([^"]+)"/.exec(webPartXml)![1])) as {
    id: string; supportedHosts: string[]; supportsThemeVariants: boolean;
    loaderConfig: { entryModuleId: string; scriptResources: Record<string, { type: string; path: string }> };
  };

  it('holds the web part for all four hosts, with theme variants', () => {
    expect(manifest.supportedHosts.sort()).toEqual(['SharePointFullPage', 'SharePointWebPart', 'TeamsPersonalApp', 'TeamsTab']);
    expect(manifest.supportsThemeVariants).toBe(true);
  });

  it('asks for exactly the Graph permissions the notifications and the audience need', () => {
    const appManifest = strFromU8(files['AppManifest.xml']);
    const scopes = [...appManifest.matchAll(/ResourceId="Microsoft Graph" Scope="([^"]+)"/g)].map((m) => m[1]).sort();
    // User.Read.All, not User.ReadBasic.All: only the full profile says whether an account is disabled.
    // GroupMember.Read.All: the policy's audience can be a directory group.
    expect(scopes).toEqual(['ChannelMessage.Send', 'GroupMember.Read.All', 'TeamsActivity.Send', 'User.Read.All']);
    expect(appManifest).toContain('SkipFeatureDeployment="true"');
  });

  it(`keeps the initial web part script within ${INITIAL_SCRIPT_BUDGET / 1024} KB gzip`, () => {
    const entry = manifest.loaderConfig.scriptResources[manifest.loaderConfig.entryModuleId];
    const script = files[`ClientSideAssets/${entry.path}`];
    expect(script).toBeDefined();
    const gz = gzipSync(Buffer.from(script)).length;
    process.stdout.write(`initial script ${entry.path}: ${(gz / 1024).toFixed(1)} KB gzip\n`);
    expect(gz).toBeLessThanOrEqual(INITIAL_SCRIPT_BUDGET);
  });

  it('ships only build output and icons, no sources', () => {
    const assets = names.filter((n) => n.startsWith('ClientSideAssets/') && !n.endsWith('/'));
    for (const a of assets) expect(a).toMatch(/\.(js|png|zip|txt)$/);
  });

  it('contains TeamsSPFxApp.zip with a Teams manifest that passes the schema', async () => {
    const zipName = names.find((n) => n.endsWith('TeamsSPFxApp.zip'));
    expect(zipName).toBeDefined();
    const teams = unzipSync(files[zipName!]);
    expect(Object.keys(teams).sort()).toEqual(expect.arrayContaining(['manifest.json']));
    const teamsManifest = JSON.parse(strFromU8(teams['manifest.json']));
    const errors = await AppManifestUtils.validateAgainstSchema(teamsManifest);
    expect(errors).toEqual([]);
    for (const icon of [teamsManifest.icons.color, teamsManifest.icons.outline]) expect(Object.keys(teams)).toContain(icon);
    expect(JSON.stringify(teamsManifest.staticTabs)).toContain(manifest.id);
  });
});
