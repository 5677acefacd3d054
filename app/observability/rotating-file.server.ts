import { closeSync, fstatSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import path from "node:path";

export type RotationLimits = {
  /** A file is rotated before a line would take it past this size. */
  maxBytes: number;
  /** Rotated files kept besides the one being written: `name.1` (newest) to `name.<keep>`. */
  keep: number;
};

// Lines written in one turn of the event loop go to disk together, and a burst is written in
// chunks of this size, so a busy process makes few system calls.
const FLUSH_AT_BYTES = 64 * 1024;

const openFiles = new Set<RotatingFile>();
let exitHookInstalled = false;

function flushAllOnExit() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const file of openFiles) file.flushSync();
  });
}

/**
 * A log file rotated by size, as logrotate would name the copies. Writes are synchronous but
 * batched: nothing is lost to a crash except the lines of the current event-loop turn, and
 * those are written on exit.
 */
export class RotatingFile {
  private fd: number;
  private size: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private flushScheduled = false;

  constructor(
    readonly file: string,
    private readonly limits: RotationLimits,
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, "a");
    this.size = fstatSync(this.fd).size;
    openFiles.add(this);
    flushAllOnExit();
  }

  write(line: string): boolean {
    const bytes = Buffer.byteLength(line);
    const used = this.size + this.pendingBytes;
    if (used > 0 && used + bytes > this.limits.maxBytes) {
      this.flushSync();
      this.rotate();
    }

    this.pending.push(line);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= FLUSH_AT_BYTES) this.flushSync();
    else this.scheduleFlush();
    return true;
  }

  flushSync(): void {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join("");
    this.pending = [];
    this.size += this.pendingBytes;
    this.pendingBytes = 0;
    const bytes = Buffer.from(chunk);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
  }

  /** Callback form, so that pino's `logger.flush(cb)` reaches the file. */
  flush(callback?: (error?: Error) => void): void {
    try {
      this.flushSync();
      callback?.();
    } catch (error) {
      callback?.(error as Error);
    }
  }

  end(): void {
    this.flushSync();
    closeSync(this.fd);
    openFiles.delete(this);
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (openFiles.has(this)) this.flushSync();
    });
  }

  private rotate() {
    closeSync(this.fd);
    // Renaming onto the last copy replaces it, which is how the oldest one is dropped.
    for (let index = this.limits.keep - 1; index >= 1; index -= 1) {
      renameIfPresent(`${this.file}.${index}`, `${this.file}.${index + 1}`);
    }
    if (this.limits.keep > 0) renameSync(this.file, `${this.file}.1`);
    this.fd = openSync(this.file, this.limits.keep > 0 ? "a" : "w");
    this.size = 0;
  }
}

function renameIfPresent(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
