// One Graph request as the endpoint code sees it, whether it came over HTTP or as a `$batch` part,
// and the emulator-wide services the endpoints share.
import type { DirectoryUser } from '../directory';
import type { EmulatorContext } from '../types';
import type { GraphFaults } from './faults';
import type { TeamsAppInstallations } from './installations';
import type { GraphStore } from './store';
import type { TeamsAppInfo } from './teamsApp';
import { graphError, type GraphResult } from './results';

export interface GraphCall {
  method: string;
  version: 'v1.0' | 'beta';
  /** Decoded path segments after the version, e.g. ['users', 'x', 'teamwork', 'sendActivityNotification']. */
  segments: string[];
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  caller: DirectoryUser;
  inBatch: boolean;
}

export interface GraphEnv {
  ctx: EmulatorContext;
  app: TeamsAppInfo;
  store: GraphStore;
  faults: GraphFaults;
  installations: TeamsAppInstallations;
  now(): number;
}

/** 403 unless the token carries one of the scopes; the message mimics Graph's wording. */
export function requireScope(env: GraphEnv, ...anyOf: string[]): GraphResult | undefined {
  if (anyOf.some((s) => env.faults.grantedScopes.has(s))) return undefined;
  return graphError(
    403,
    'Forbidden',
    `Missing scope permissions on the request. API requires one of '${anyOf.join(', ')}'. Scopes on the request '${[...env.faults.grantedScopes].join(', ')}'`
  );
}

export function findUser(env: GraphEnv, idOrUpn: string): DirectoryUser | undefined {
  const key = idOrUpn.toLowerCase();
  return env.ctx.directory.find((u) => u.id.toLowerCase() === key || u.upn.toLowerCase() === key);
}

export function userNotFound(idOrUpn: string): GraphResult {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
}

export function contextUrl(env: GraphEnv, call: GraphCall, fragment: string): string {
  return `${env.ctx.origin()}/${call.version}/$metadata#${fragment}`;
}
