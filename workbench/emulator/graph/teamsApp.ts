// The Teams app the emulated tenant has installed: its id and the activity types it declares. Read
// from src/teams/manifest.json, the same file that is zipped into the Teams package, so an activity type
// the app sends but the manifest lacks fails here exactly as it would in Microsoft 365.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ActivityTypeDeclaration {
  type: string;
  description: string;
  templateText: string;
}

export interface TeamsAppInfo {
  id: string;
  /** webApplicationInfo.id: the Entra app whose tokens may send the app's notifications. */
  aadAppId: string;
  /** Entity id of the personal tab, used for deep links that carry no page. */
  personalEntityId: string;
  activityTypes: ReadonlyMap<string, ActivityTypeDeclaration>;
}

/** The subset of manifest.json the emulator reads. */
export interface TeamsManifestLike {
  id: string;
  webApplicationInfo?: { id?: string };
  staticTabs?: { entityId: string }[];
  activities?: { activityTypes?: ActivityTypeDeclaration[] };
}

export function teamsAppInfo(manifest: TeamsManifestLike): TeamsAppInfo {
  const types = new Map<string, ActivityTypeDeclaration>();
  for (const t of manifest.activities?.activityTypes ?? []) types.set(t.type, t);
  return { id: manifest.id, aadAppId: manifest.webApplicationInfo?.id ?? '00000000-0000-0000-0000-000000000000', personalEntityId: manifest.staticTabs?.[0]?.entityId ?? 'hub', activityTypes: types };
}

/**
 * Finds src/teams/manifest.json from this file's folder when running as CommonJS (jest, esbuild cjs)
 * and from the working directory otherwise (ESM runners have no __dirname; npm scripts run from the
 * project root).
 */
export function loadTeamsManifest(explicitPath?: string): TeamsManifestLike {
  const candidates = explicitPath
    ? [explicitPath]
    : [
        ...(typeof __dirname !== 'undefined' ? [resolve(__dirname, '../../../src/teams/manifest.json')] : []),
        join(process.cwd(), 'src/teams/manifest.json')
      ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Graph emulator: src/teams/manifest.json not found (looked in ${candidates.join(', ')})`);
  return JSON.parse(readFileSync(found, 'utf8')) as TeamsManifestLike;
}

/** Placeholders of a templateText other than {actor}, which Teams fills with the sender's name. */
export function templatePlaceholders(templateText: string): string[] {
  return [...templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((name) => name !== 'actor');
}

export function renderTemplate(templateText: string, actor: string, parameters: Record<string, string>): string {
  return templateText.replace(/\{(\w+)\}/g, (whole, name: string) => (name === 'actor' ? actor : parameters[name] ?? whole));
}
