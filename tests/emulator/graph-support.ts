// Raw HTTP helpers for the Graph emulator tests: they check the wire, so they use fetch, not the SDK.
import { SEED_PEOPLE } from '../../workbench/emulator/directory';

export const person = (persona: string) => {
  const p = SEED_PEOPLE.find((x) => x.persona === persona);
  if (!p) throw new Error(`no seeded ${persona}`);
  return p;
};

export const COMMS = person('comms');
export const HEAD = person('commsHead');
export const STAFF = person('staff');
export const OWNER = person('owner');
export const LEAVER = person('leaver');
/** Ben Hughes: the seeded person the Teams app is not installed for. */
export const BACKUP = person('backup');
export const APP_ID = '5f3c7a2e-9d41-4b6e-a8c0-3e2f1d7b9a10';
export const TEAM_ID = 'a1b2c3d4-0000-4000-8000-00000000c0a1';
export const EMERGENCY = '19:emergency@thread.tacv2';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function call(origin: string, upn: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const res = await fetch(origin + path, {
    method,
    headers: {
      ...(upn ? { Authorization: `Bearer emulator:${upn}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    topic: { source: 'text', value: 'Request 42', webUrl: `https://teams.microsoft.com/l/entity/${APP_ID}/hub?context=%7B%22subEntityId%22%3A%22requests%3A42%22%7D` },
    activityType: 'approvalRequired',
    previewText: { content: 'Sam asks for a new Instagram account' },
    templateParameters: [{ name: 'requestTitle', value: 'Libraries Instagram' }],
    teamsAppId: APP_ID,
    ...overrides
  };
}
