// What the emulator received, in order, for tests and for people debugging the workbench.

export interface LoggedPart {
  method: string;
  path: string;
  status: number;
}

export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  /** Path and query as received. */
  path: string;
  user?: string;
  status: number;
  /** Set when a fault rule answered (or delayed or dropped) the request. */
  fault?: string;
  parts?: LoggedPart[];
  /** The request body as text (tests check, for one, that no secret ever reached the server in clear). */
  body?: string;
}

/** Keeps the newest entries only, so a long-running workbench does not grow without bound. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  constructor(private readonly capacity = 20_000) {}

  start(method: string, path: string, user: string | undefined, body?: string): LoggedRequest {
    const entry: LoggedRequest = { seq: ++this.seq, time: new Date().toISOString(), method, path, user, status: 0, ...(body ? { body } : {}) };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  all(): LoggedRequest[] {
    return this.entries.map((e) => ({ ...e, parts: e.parts?.map((p) => ({ ...p })) }));
  }

  clear(): void {
    this.entries = [];
  }
}
