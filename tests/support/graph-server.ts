// A minimal loopback HTTP server around the Graph emulator handler alone, resolving the caller with
// the main emulator's own identity code. The main `startEmulator` has a fixed directory; these
// tests need their own (hundreds of recipients) and Graph-only options such as the throttling
// budget. tests/emulator/combined.test.ts covers the handler mounted in the main server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEED_GROUPS, SEED_PEOPLE, type DirectoryGroup, type DirectoryUser } from '../../workbench/emulator/directory';
import { createGraphHandler, type GraphEmulatorOptions } from '../../workbench/emulator/graph';
import type { EmulatorContext, EmulatorRequest, PersistentState } from '../../workbench/emulator/types';
import { resolveUser } from '../../workbench/emulator/identity';

export interface GraphTestServer {
  origin: string;
  /** The in-memory state bag, to check what would be persisted. */
  state: Record<string, unknown>;
  /** Calls the control plane: `control('POST', '/faults', {...})`. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** One server for a test file, with faults, the outbox and Teams app installations reset before each test. */
export function useGraphServer(): () => GraphTestServer {
  let server: GraphTestServer;
  beforeAll(async () => { server = await startGraphTestServer(); });
  afterAll(() => server.close());
  beforeEach(async () => {
    await server.control('POST', '/faults', { reset: true });
    await server.control('DELETE', '/outbox');
    await server.control('POST', '/installations', { reset: true });
  });
  return () => server;
}

function memoryState(bag: Record<string, unknown>): PersistentState {
  return {
    get<T>(key: string, init: () => T): T {
      if (!(key in bag)) bag[key] = init();
      return bag[key] as T;
    },
    markDirty() {
      /* memory only */
    }
  };
}

export interface GraphTestServerOptions extends GraphEmulatorOptions {
  /** Reuse a state bag to emulate a restart. */
  state?: Record<string, unknown>;
  /** People of the tenant (default the seeded ones). */
  directory?: readonly DirectoryUser[];
  /** Directory groups (default the seeded ones). */
  groups?: readonly DirectoryGroup[];
}

export async function startGraphTestServer(options: GraphTestServerOptions = {}): Promise<GraphTestServer> {
  const bag = options.state ?? {};
  const directory = options.directory ?? SEED_PEOPLE;
  let origin = '';
  const ctx: EmulatorContext = { origin: () => origin, directory, groups: options.groups ?? SEED_GROUPS, state: memoryState(bag) };
  const handler = createGraphHandler(ctx, options);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const emReq: EmulatorRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', origin),
        headers: req.headers,
        body: Buffer.concat(chunks),
        user: resolveUser(req.headers, directory)
      };
      handler(emReq, res)
        .then((handled) => {
          if (!handled) {
            res.writeHead(404, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify({ error: { code: 'NotFound', message: 'not routed' } }));
          }
        })
        .catch((e: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(e instanceof Error ? e.stack : e));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    state: bag,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${origin}/__emulator/graph${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((e?: Error) => (e ? reject(e) : resolve()));
      })
  };
}
