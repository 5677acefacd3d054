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
 * those are written on exit. A file that cannot be written (a full disk, say) never fails the
 * code that logs: its lines are dropped, stdout still has them, and stderr says so once.
 */
export class RotatingFile {
  private fd: number;
  private size: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private flushScheduled = false;
  // What is failing right now, so that each trouble is reported once until it clears.
  private readonly failing = new Set<"write" | "rotate">();

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
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(this.fd, bytes, written);
      this.failing.delete("write");
    } catch (error) {
      this.report("write", "could not be written; its lines are dropped until it can", error);
    }
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

  /**
   * Renames the copies while the current file stays open, so that when a rename fails the
   * lines keep going to the file they were going to; rotation is tried again a size later.
   */
  private rotate() {
    this.size = 0;
    try {
      // Renaming onto the last copy replaces it, which is how the oldest one is dropped.
      for (let index = this.limits.keep - 1; index >= 1; index -= 1) {
        renameIfPresent(`${this.file}.${index}`, `${this.file}.${index + 1}`);
      }
      if (this.limits.keep > 0) renameSync(this.file, `${this.file}.1`);
      const next = openSync(this.file, this.limits.keep > 0 ? "a" : "w");
      closeSync(this.fd);
      this.fd = next;
      this.failing.delete("rotate");
    } catch (error) {
      this.report("rotate", "could not be rotated; writing on to it", error);
    }
  }

  private report(trouble: "write" | "rotate", what: string, error: unknown) {
    if (this.failing.has(trouble)) return;
    this.failing.add(trouble);
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`log file ${this.file} ${what}: ${reason}\n`);
  }
}

function renameIfPresent(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
