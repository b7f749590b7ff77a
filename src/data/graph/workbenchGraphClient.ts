// A Graph client for the local workbench and tests, talking to the emulator over plain http.
// The SDK's own AuthenticationHandler deletes the Authorization header for any host that is not an
// https Graph host or a listed custom host (and custom hosts only match https), so this chain
// replaces it with a middleware that always says who the caller is. Retry and HTTP handling are the
// SDK's own, as in SPFx's MSGraphClientV3. Imported only by workbench code, never by the web part,
// so the SPFx bundle does not carry a second Graph client.
import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware } from '@microsoft/microsoft-graph-client';

export interface WorkbenchGraphClientOptions {
  /** The emulator origin, e.g. http://127.0.0.1:8080 (Graph lives at its root). */
  origin: string;
  /** UPN of the impersonated user, or a function returning it (the workbench's user switcher). */
  user: string | (() => string);
  /** RetryHandler settings; maxRetries 0 leaves throttling to the caller (as tests of the notifier do). */
  retry?: { maxRetries?: number; delaySeconds?: number };
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

function setHeader(context: Context, name: string, value: string, onlyIfMissing = false): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    if (!onlyIfMissing || !headers.has(name)) headers.set(name, value);
    return;
  }
  const record = { ...((headers as Record<string, string> | undefined) ?? {}) };
  const existing = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  if (existing && onlyIfMissing) return;
  if (existing) delete record[existing];
  record[name] = value;
  options.headers = record;
}

/** Sets `Authorization: Bearer emulator:<upn>`, the emulator's stand-in for a delegated token. */
class EmulatorAuthHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly user: () => string) {}

  async execute(context: Context): Promise<void> {
    setHeader(context, 'Authorization', `Bearer emulator:${this.user()}`);
    // The SDK adds client-request-id only for Graph hosts; the emulator echoes it like Graph does.
    setHeader(context, 'client-request-id', randomId(), true);
    if (!this.next) throw new Error('EmulatorAuthHandler must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function createWorkbenchGraphClient(options: WorkbenchGraphClientOptions): Client {
  const user = typeof options.user === 'function' ? options.user : () => options.user as string;
  const retry = new RetryHandler(new RetryHandlerOptions(options.retry?.delaySeconds ?? 3, options.retry?.maxRetries ?? 3));
  return Client.initWithMiddleware({
    baseUrl: options.origin.replace(/\/+$/, ''),
    defaultVersion: 'v1.0',
    middleware: [new EmulatorAuthHandler(user), retry, new HTTPMessageHandler()]
  });
}
