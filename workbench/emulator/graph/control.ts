// The Graph part of the emulator's control plane (/__emulator/graph/...): the simulated Teams
// activity feed for the workbench, the outbox for tests, and the fault switches. No user needed:
// these are for the harness, not for the app.
import type { ServerResponse } from 'node:http';
import type { EmulatorRequest } from '../types';
import type { GraphEnv } from './call';
import type { GraphFaultSwitches } from './faults';

export const CONTROL_PREFIX = '/__emulator/graph';

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function parseJson(req: EmulatorRequest): unknown {
  if (!req.body.length) return {};
  return JSON.parse(req.body.toString('utf8'));
}

export async function handleControl(env: GraphEnv, req: EmulatorRequest, res: ServerResponse): Promise<boolean> {
  const path = req.url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '');

  if (path === '/feed' && req.method === 'GET') {
    const who = req.url.searchParams.get('user') ?? req.user?.upn;
    if (!who) {
      send(res, 400, { error: 'Say whose feed: ?user=<upn or id>' });
      return true;
    }
    const key = who.toLowerCase();
    const items = env.store
      .notifications()
      .filter((n) => n.recipientUpn.toLowerCase() === key || n.recipientId.toLowerCase() === key)
      .slice()
      .reverse()
      .map(({ id, activityType, text, previewText, webUrl, time, read, senderName, senderUpn, chainId }) => ({ id, activityType, text, previewText, webUrl, time, read, senderName, senderUpn, chainId }));
    const person = env.ctx.directory.find((u) => u.upn.toLowerCase() === key || u.id.toLowerCase() === key);
    send(res, 200, { user: who, teamsAppInstalled: person ? env.installations.isInstalledFor(person) : false, unread: items.filter((i) => !i.read).length, value: items });
    return true;
  }

  const readMatch = /^\/feed\/([^/]+)\/read$/.exec(path);
  if (readMatch && req.method === 'POST') {
    send(res, env.store.markRead(decodeURIComponent(readMatch[1])) ? 204 : 404);
    return true;
  }

  if (path === '/outbox' && req.method === 'GET') {
    send(res, 200, {
      notifications: env.store.notifications(),
      droppedRecipients: env.store.dropped(),
      channelMessages: env.store.channelMessages()
    });
    return true;
  }

  if (path === '/outbox' && req.method === 'DELETE') {
    env.store.clear();
    send(res, 204);
    return true;
  }

  // Who has the Teams app: GET lists everyone; POST { user, installed } changes one person, { reset: true } returns to the seed.
  if (path === '/installations') {
    if (req.method === 'POST') {
      let body: { user?: unknown; installed?: unknown; reset?: unknown };
      try {
        body = parseJson(req) as typeof body;
      } catch {
        send(res, 400, { error: 'Body must be JSON' });
        return true;
      }
      if (body.reset === true) env.installations.reset();
      if (body.user !== undefined) {
        if (typeof body.user !== 'string' || typeof body.installed !== 'boolean') {
          send(res, 400, { error: 'Say { user: <upn or id>, installed: true|false }' });
          return true;
        }
        if (!env.installations.set(body.user, body.installed)) {
          send(res, 404, { error: `No person ${body.user} in the directory` });
          return true;
        }
      }
    } else if (req.method !== 'GET') {
      send(res, 405, { error: 'GET or POST' });
      return true;
    }
    send(res, 200, { value: env.installations.snapshot() });
    return true;
  }

  if (path === '/faults') {
    if (req.method === 'POST') {
      let switches: GraphFaultSwitches;
      try {
        switches = parseJson(req) as GraphFaultSwitches;
      } catch {
        send(res, 400, { error: 'Body must be JSON' });
        return true;
      }
      env.faults.apply(switches);
    } else if (req.method !== 'GET') {
      send(res, 405, { error: 'GET or POST' });
      return true;
    }
    send(res, 200, env.faults.snapshot());
    return true;
  }

  send(res, 404, { error: `No Graph control endpoint ${req.method} ${req.url.pathname}` });
  return true;
}
