// The emulator process core: one loopback HTTP server for the SharePoint REST emulation, whatever
// Graph handler the caller plugs in, the control plane and any extra handlers (the workbench's
// static files). It believes whatever user a request names, so it never listens beyond 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEED_GROUPS, SEED_PEOPLE, type DirectoryUser } from './directory';
import { handleControl } from './control-plane';
import { FaultSet } from './faults';
import { claimedUpn, resolveUser } from './identity';
import { RequestLog, type LoggedRequest } from './request-log';
import { createSharePointService, faultError, type SharePointService } from './sharepoint';
import { renderError } from './sharepoint/odata-format';
import { spErrors } from './sharepoint/errors';
import { JsonStore } from './store';
import type { EmulatorContext, EmulatorRequest, RouteHandler } from './types';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const DEFAULT_LIST_VIEW_THRESHOLD = 5000;
export const DEFAULT_SITE_PATH = '/sites/hub';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** JSON snapshot file; omitted keeps state in memory only. */
  dataFile?: string;
  listViewThreshold?: number;
  /** Tried after the API handlers, e.g. the workbench's static files. */
  extraHandlers?: RouteHandler[];
  graphHandlerFactory?: (ctx: EmulatorContext) => RouteHandler;
  /** Server-relative path of the SharePoint site; default /sites/hub. */
  sitePath?: string;
  /** Suppresses the start-up line (tests). */
  quiet?: boolean;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** url + site path, the baseUrl for PnPjs. */
  siteUrl: string;
  close(): Promise<void>;
  /** Empty site with the seed groups, and no faults. */
  reset(): void;
  setListViewThreshold(n: number): void;
  listViewThreshold(): number;
  faults: FaultSet;
  requestLog: RequestLog;
  sharepoint: SharePointService;
  store: JsonStore;
  context: EmulatorContext;
  /**
   * Adds `count` enabled people to the directory (Graph users, who can also be site users), for
   * benches at scale; each is added to the site too. Returns them with their site user ids.
   */
  addDirectoryPeople(count: number): { person: DirectoryUser; siteUserId: number }[];
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/i;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) { reject(new BodyTooLarge()); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) { reject(new BodyTooLarge()); req.pause(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const store = new JsonStore({ file: opts.dataFile });
  const faults = new FaultSet();
  const requestLog = new RequestLog();
  const sitePath = (opts.sitePath ?? DEFAULT_SITE_PATH).replace(/\/+$/, '');
  let threshold = opts.listViewThreshold ?? DEFAULT_LIST_VIEW_THRESHOLD;
  let origin = '';

  const context: EmulatorContext = { origin: () => origin, directory: SEED_PEOPLE, groups: SEED_GROUPS, state: store };
  const sharepoint = createSharePointService({ context, sitePath, listViewThreshold: () => threshold });
  const handlers: RouteHandler[] = [sharepoint.handler];
  const graphHandler = opts.graphHandlerFactory?.(context);
  if (graphHandler) handlers.push(graphHandler);
  handlers.push(...(opts.extraHandlers ?? []));
  const spPrefix = `${sitePath.toLowerCase()}/_api`;

  const reset = () => { store.reset(); faults.clear(); };

  function faultBody(path: string, status: number, retryAfter?: number): { headers: Record<string, string>; body: string } {
    if (path.toLowerCase().startsWith(spPrefix)) {
      const err = faultError(status, retryAfter);
      return { headers: { 'Content-Type': 'application/json;odata=minimalmetadata;charset=utf-8', ...err.headers }, body: JSON.stringify(renderError(err, 'minimal')) };
    }
    // Graph-shaped, since everything else the emulator serves with JSON is Graph.
    const code = status === 429 ? 'TooManyRequests' : status === 503 ? 'serviceNotAvailable' : 'generalException';
    return {
      headers: { 'Content-Type': 'application/json', ...(retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}) },
      body: JSON.stringify({ error: { code, message: `Injected fault: HTTP ${status}.`, innerError: { date: new Date().toISOString() } } })
    };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    const requestOrigin = LOOPBACK_HOST.test(host) ? `http://${host}` : origin;
    const url = new URL(req.url ?? '/', requestOrigin);
    const method = (req.method ?? 'GET').toUpperCase();
    const line = `${method} ${url.pathname}${url.search}`;

    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        const e = spErrors.bodyTooLarge(MAX_BODY_BYTES);
        res.writeHead(413, { 'Content-Type': 'application/json;odata=minimalmetadata;charset=utf-8', Connection: 'close' });
        res.end(JSON.stringify(renderError(e, 'minimal')));
        return;
      }
      throw err;
    }

    // Graph's own control paths (/__emulator/graph/feed, outbox, faults) belong to the Graph handler.
    const graphControl = url.pathname.startsWith('/__emulator/graph/');
    if (graphControl && graphHandler) {
      const creq: EmulatorRequest = { method, url, headers: req.headers, body, user: resolveUser(req.headers, context.directory) };
      if (await graphHandler(creq, res)) return;
    }
    if (url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/')) {
      handleControl({ faults, log: requestLog, reset, getThreshold: () => threshold, setThreshold: (n) => { threshold = n; } },
        req, url.pathname.slice('/__emulator'.length), body, res);
      return;
    }

    const entry: LoggedRequest = requestLog.start(method, `${url.pathname}${url.search}`, claimedUpn(req.headers), body.length > 0 ? body.toString('utf8') : undefined);
    res.on('finish', () => { entry.status = res.statusCode; });

    const fault = faults.take(line);
    if (fault) {
      entry.fault = JSON.stringify(fault);
      if (fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
      if (fault.drop) { req.socket.destroy(); return; }
      if (fault.dropAfter) {
        // The handlers below run (and commit) as usual; their answer never leaves the server.
        res.writeHead = (() => res) as typeof res.writeHead;
        res.end = (() => { req.socket.destroy(); return res; }) as typeof res.end;
      }
      if (fault.status) {
        const f = faultBody(url.pathname, fault.status, fault.retryAfter);
        res.writeHead(fault.status, f.headers);
        res.end(f.body);
        return;
      }
    }

    const ereq: EmulatorRequest = {
      method, url, headers: req.headers, body, user: resolveUser(req.headers, context.directory),
      hooks: {
        takeFault: (partLine) => faults.take(partLine),
        logPart: (part) => { (entry.parts ??= []).push(part); }
      }
    };
    for (const h of handlers) {
      if (await h(ereq, res)) return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Nothing is served at ${url.pathname}. SharePoint REST lives under ${sitePath}/_api/.`);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err) => {
      console.error('[emulator] request failed', err);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`Emulator error: ${(err as Error).message}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the emulator takes the caller's word for who they are.
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  if (!opts.quiet) {
    console.log(`[emulator] listening on ${origin} (loopback only: it trusts whoever each request says the user is); SharePoint site ${origin}${sitePath}`);
  }

  return {
    url: origin,
    port,
    siteUrl: `${origin}${sitePath}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
    reset,
    setListViewThreshold: (n) => { threshold = n; },
    listViewThreshold: () => threshold,
    faults,
    requestLog,
    sharepoint,
    store,
    context,
    addDirectoryPeople(count) {
      const start = context.directory.length;
      const people: DirectoryUser[] = Array.from({ length: count }, (_, i) => {
        const n = start + i;
        return {
          // Object ids in Entra's GUID shape, distinct from the seeded people's.
          id: `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`, upn: `colleague${n}@northshire.gov.uk`, displayName: `Colleague ${n}`,
          jobTitle: 'Officer', department: 'Operations', accountEnabled: true, persona: 'staff'
        };
      });
      context.directory = [...context.directory, ...people];
      const ids = sharepoint.ensureSiteUsers(people);
      return people.map((person, i) => ({ person, siteUserId: ids[i] }));
    }
  };
}

export type { EmulatorContext, RouteHandler } from './types';
