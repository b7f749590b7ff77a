// The contract between the emulator's parts: the HTTP server and control plane (index.ts), the
// SharePoint REST emulation (sharepoint/) and the Graph emulation (graph/).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DirectoryGroup, DirectoryUser } from './directory';

/** A request whose body has been read, with the impersonated user resolved. */
export interface EmulatorRequest {
  method: string;
  /** Full URL on the emulator's origin. */
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /**
   * Who the caller is: from the `x-emulator-user` header, the `emulator-user` cookie, or
   * `Authorization: Bearer emulator:<upn>`. Undefined when the caller said nothing (→ 401).
   */
  user?: DirectoryUser;
  /** Lets a service apply faults to, and log, the sub-requests of its batch endpoint. */
  hooks?: RequestHooks;
}

/** A fault injected through the control plane (POST /__emulator/faults). */
export interface InjectedFault {
  status?: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  latencyMs?: number;
  /** Destroy the connection instead of answering. */
  drop?: boolean;
  /**
   * Do the request, then destroy the connection instead of sending the answer: the client sees a
   * network failure for a write that did happen (a timeout after the server committed it).
   */
  dropAfter?: boolean;
}

export interface RequestHooks {
  /** The fault for a batch part, matched against "METHOD /path?query" and consumed like a top-level one. */
  takeFault(requestLine: string): InjectedFault | undefined;
  /** Records a batch part under its batch request in GET /__emulator/log. */
  logPart(part: { method: string; path: string; status: number }): void;
}

/** Returns true when it answered the request, false to let the next handler try. */
export type RouteHandler = (req: EmulatorRequest, res: ServerResponse) => Promise<boolean>;

/** What a handler may keep across restarts: a JSON-serialisable bag per service. */
export interface PersistentState {
  get<T>(key: string, init: () => T): T;
  /** Call after a mutation; writes are debounced and atomic (temp file + rename). */
  markDirty(): void;
}

export interface EmulatorContext {
  origin(): string;
  directory: readonly DirectoryUser[];
  /** Directory groups (Graph only); none when absent. */
  groups?: readonly DirectoryGroup[];
  state: PersistentState;
}
