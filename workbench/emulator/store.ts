// The emulator's persistence: one JSON document holding each service's state, snapshotted to disk
// after changes. Writes are debounced (a burst of requests costs one write) and atomic (temp file,
// fsync, rename), so a crash leaves either the old or the new snapshot, never half of one.
import { promises as fs, readFileSync, existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PersistentState } from './types';

export interface JsonStoreOptions {
  /** Where to keep the snapshot; omitted keeps everything in memory. */
  file?: string;
  debounceMs?: number;
}

export class JsonStore implements PersistentState {
  private data: Record<string, unknown> = {};
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly file?: string;
  private readonly debounceMs: number;

  constructor(opts: JsonStoreOptions = {}) {
    this.file = opts.file;
    this.debounceMs = opts.debounceMs ?? 250;
    if (this.file && existsSync(this.file)) {
      try {
        this.data = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>;
      } catch (err) {
        // Keep the unreadable file for inspection instead of overwriting it with an empty site.
        const aside = `${this.file}.corrupt-${Date.now()}`;
        renameSync(this.file, aside);
        console.warn(`[emulator] could not read ${this.file} (${(err as Error).message}); moved it to ${aside} and started empty`);
        this.data = {};
      }
    }
  }

  get<T>(key: string, init: () => T): T {
    if (!(key in this.data)) {
      this.data[key] = init();
      this.markDirty();
    }
    return this.data[key] as T;
  }

  markDirty(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
    // A pending snapshot must not keep a test process alive; close() flushes it.
    this.timer.unref();
  }

  /** Forgets every service's state (they re-seed on next use). */
  reset(): void {
    this.data = {};
    this.markDirty();
  }

  /** Writes the snapshot now if anything changed. */
  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    this.writing = this.writing.then(() => this.writeIfDirty());
    return this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private async writeIfDirty(): Promise<void> {
    if (!this.file || !this.dirty) return;
    this.dirty = false;
    const text = JSON.stringify(this.data);
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(dirname(this.file), { recursive: true });
      const handle = await fs.open(tmp, 'w');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, this.file);
    } catch (err) {
      this.dirty = true;
      console.error(`[emulator] could not save ${this.file}:`, err);
    }
  }
}
