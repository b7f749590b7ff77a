// The Teams app package: the manifest validates against the bundled Teams schema, declares every
// activity type the app sends with the parameters it sends, and the packer zips exactly the three files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { ACTIVITY_TEMPLATE_PARAMETERS, PERSONAL_TAB_ENTITY_ID, TEAMS_APP_ID } from '../../src/data/graph/teamsApp';

const root = resolve(__dirname, '../..');
const manifestText = readFileSync(join(root, 'src/teams/manifest.json'), 'utf8');
const manifest = JSON.parse(manifestText);
const ids = JSON.parse(readFileSync(join(root, 'src/teams/app-ids.json'), 'utf8'));

// Every ActivityType of the port, read from its source so a new type fails here even untype-checked.
const portSource = readFileSync(join(root, 'src/services/ports/notifier.ts'), 'utf8');
const PORT_ACTIVITY_TYPES = [...(/export type ActivityType =([^;]+);/.exec(portSource)?.[1] ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1]);

/**
 * Runs AppManifestUtils.validateAgainstSchema in a child Node: @microsoft/app-manifest requires the
 * ESM-only strip-bom, which jest's CommonJS runtime cannot load untransformed, while Node 22 can.
 */
function validate(candidate: unknown): string[] {
  const code = [
    "const { AppManifestUtils } = require('@microsoft/app-manifest');",
    "let input = ''; process.stdin.on('data', (c) => (input += c));",
    "process.stdin.on('end', async () => process.stdout.write(JSON.stringify(await AppManifestUtils.validateAgainstSchema(JSON.parse(input)))));"
  ].join('\n');
  const out = execFileSync(process.execPath, ['-e', code], { cwd: root, input: JSON.stringify(candidate) });
  return JSON.parse(out.toString()) as string[];
}

/** Reads a zip's central directory and inflates each entry (store and deflate only). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.toString('ascii', 1, 4)).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('src/teams/manifest.json', () => {
  it('validates against the Teams schema bundled with @microsoft/app-manifest (offline)', () => {
    const suffix = manifest.$schema.replace('https://developer.microsoft.com/', '');
    expect(existsSync(join(root, 'node_modules/@microsoft/app-manifest/build', suffix))).toBe(true);
    expect(validate(manifest)).toEqual([]);
  });

  it('has the schema reject a broken manifest (the check is real)', () => {
    const broken = { ...manifest, activities: { activityTypes: [{ type: 'x' }] } };
    expect(validate(broken).length).toBeGreaterThan(0);
  });

  it('declares every activity type of the notifier port, with exactly the parameters the app sends', () => {
    const declared = new Map<string, string>(manifest.activities.activityTypes.map((t: { type: string; templateText: string }) => [t.type, t.templateText]));
    expect(PORT_ACTIVITY_TYPES.length).toBeGreaterThanOrEqual(7);
    expect([...declared.keys()].sort()).toEqual([...PORT_ACTIVITY_TYPES].sort());
    expect(Object.keys(ACTIVITY_TEMPLATE_PARAMETERS).sort()).toEqual([...PORT_ACTIVITY_TYPES].sort());
    for (const [type, params] of Object.entries(ACTIVITY_TEMPLATE_PARAMETERS)) {
      const text = declared.get(type)!;
      const placeholders = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'actor');
      expect({ type, placeholders: placeholders.sort() }).toEqual({ type, placeholders: [...params].sort() });
      expect(text).toContain('{actor}');
    }
  });

  it('uses one set of ids everywhere: app-ids.json, the manifest, src/ and the web part', () => {
    const webPart = JSON.parse(readFileSync(join(root, 'src/webparts/socialMediaHub/SocialMediaHubWebPart.manifest.json'), 'utf8'));
    expect(manifest.id).toBe(ids.teamsAppId);
    expect(TEAMS_APP_ID).toBe(ids.teamsAppId);
    expect(PERSONAL_TAB_ENTITY_ID).toBe(ids.personalTabEntityId);
    expect(manifest.staticTabs[0].entityId).toBe(ids.personalTabEntityId);
    expect(webPart.id).toBe(ids.webPartComponentId);
    expect(manifest.staticTabs[0].contentUrl).toContain(`componentId=${webPart.id}`);
    expect(manifest.configurableTabs[0].configurationUrl).toContain(`componentId=${webPart.id}`);
    expect(manifest.icons).toEqual({ color: `${webPart.id}_color.png`, outline: `${webPart.id}_outline.png` });
  });

  it('ships icons of the sizes Teams asks for, the outline white on transparent', () => {
    const color = readFileSync(join(root, 'teams', manifest.icons.color));
    const outline = readFileSync(join(root, 'teams', manifest.icons.outline));
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    // Our PNGs are one IDAT of unfiltered RGBA rows (src/teams/make-icons.mjs), so they decode simply.
    const idat = outline.indexOf('IDAT');
    const rows = inflateSync(outline.subarray(idat + 4, idat + 4 + outline.readUInt32BE(idat - 4)));
    const alphas: number[] = [];
    for (let y = 0; y < 32; y++) {
      expect(rows[y * 129]).toBe(0);
      for (let x = 0; x < 32; x++) {
        const o = y * 129 + 1 + x * 4;
        expect([rows[o], rows[o + 1], rows[o + 2]]).toEqual([255, 255, 255]);
        alphas.push(rows[o + 3]);
      }
    }
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(300);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(50);
  });
});

describe('scripts/pack-teams.mjs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pack-teams-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pack = (out: string) => execFileSync(process.execPath, [join(root, 'scripts/pack-teams.mjs'), '--out', out], { cwd: root });

  it('zips exactly manifest.json and the two icons, flat, byte-identical to the sources', () => {
    const out = join(dir, 'a.zip');
    pack(out);
    const files = unzip(readFileSync(out));
    expect([...files.keys()].sort()).toEqual(['manifest.json', manifest.icons.color, manifest.icons.outline].sort());
    expect(JSON.parse(files.get('manifest.json')!.toString()).id).toBe(ids.teamsAppId);
    expect(files.get(manifest.icons.color)!.equals(readFileSync(join(root, 'teams', manifest.icons.color)))).toBe(true);
  });

  it('is deterministic', () => {
    pack(join(dir, 'b.zip'));
    pack(join(dir, 'c.zip'));
    expect(readFileSync(join(dir, 'b.zip')).equals(readFileSync(join(dir, 'c.zip')))).toBe(true);
  });
});
