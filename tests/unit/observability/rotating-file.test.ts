import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { RotatingFile } from "~/observability/rotating-file.server";

describe("RotatingFile", () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "searchlight-rotate-"));
    file = path.join(dir, "logs", "combined.log");
  });

  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const line = (index: number) => `${JSON.stringify({ index, msg: "x".repeat(80) })}\n`;
  const files = () => readdirSync(path.dirname(file)).sort();
  // The test runner writes to stderr too: only the file's own reports count.
  const reports = (stderr: { mock: { calls: unknown[][] } }) =>
    stderr.mock.calls.map((call) => String(call[0])).filter((text) => text.startsWith("log file"));

  it("starts a new file before a line would take the current one past the limit", () => {
    const rotating = new RotatingFile(file, { maxBytes: 1_000, keep: 3 });
    const size = Buffer.byteLength(line(0));

    for (let index = 0; index < 40; index += 1) rotating.write(line(index));
    rotating.end();

    const perFile = Math.floor(1_000 / size);
    expect(files()).toEqual(["combined.log", "combined.log.1", "combined.log.2", "combined.log.3"]);
    for (const name of files()) {
      expect(statSync(path.join(dir, "logs", name)).size).toBeLessThanOrEqual(1_000);
    }
    // The newest lines are in the current file, the ones before them in .1, and so on.
    const current = readFileSync(file, "utf8").trim().split("\n");
    expect(JSON.parse(current.at(-1) ?? "{}")).toMatchObject({ index: 39 });
    const previous = readFileSync(`${file}.1`, "utf8").trim().split("\n");
    expect(previous).toHaveLength(perFile);
    expect(JSON.parse(previous.at(-1) ?? "{}").index).toBe(39 - current.length);
  });

  it("keeps only the configured number of rotated files, dropping the oldest", () => {
    const rotating = new RotatingFile(file, { maxBytes: 300, keep: 2 });

    for (let index = 0; index < 40; index += 1) rotating.write(line(index));
    rotating.end();

    expect(files()).toEqual(["combined.log", "combined.log.1", "combined.log.2"]);
    const kept = ["combined.log.2", "combined.log.1", "combined.log"].flatMap((name) =>
      readFileSync(path.join(dir, "logs", name), "utf8")
        .trim()
        .split("\n"),
    );
    expect(kept.map((text) => JSON.parse(text).index)).toEqual([34, 35, 36, 37, 38, 39]);
  });

  it("appends to an existing file and counts what it already holds", () => {
    writeFileSync(path.join(dir, "seed"), "");
    const first = new RotatingFile(file, { maxBytes: 1_000, keep: 1 });
    first.write(line(0));
    first.end();

    const second = new RotatingFile(file, { maxBytes: 1_000, keep: 1 });
    for (let index = 1; index < 11; index += 1) second.write(line(index));
    second.end();

    expect(readFileSync(`${file}.1`, "utf8").split("\n")[0]).toBe(line(0).trim());
  });

  it("holds lines until the end of the event-loop turn, then writes them together", async () => {
    const rotating = new RotatingFile(file, { maxBytes: 1_000_000, keep: 1 });

    rotating.write(line(1));
    rotating.write(line(2));
    expect(readFileSync(file, "utf8")).toBe("");
    await new Promise((resolve) => setImmediate(resolve));

    expect(readFileSync(file, "utf8")).toBe(line(1) + line(2));
    rotating.end();
  });

  it("writes on to the current file when its copy cannot be renamed, and says so once", () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    // A directory where the first copy should go makes the rename fail.
    mkdirSync(path.join(dir, "logs", "combined.log.1", "occupied"), { recursive: true });
    const rotating = new RotatingFile(file, { maxBytes: 300, keep: 1 });

    for (let index = 0; index < 10; index += 1) {
      expect(() => rotating.write(line(index))).not.toThrow();
    }
    rotating.end();

    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.map((text) => JSON.parse(text).index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(reports(stderr)).toEqual([expect.stringMatching(/combined\.log could not be rotated/)]);
  });

  it("drops lines it cannot write instead of throwing into the code that logs", () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const rotating = new RotatingFile(file, { maxBytes: 1_000_000, keep: 1 });
    // The descriptor goes bad under it, as a write to a full or vanished disk would fail.
    closeSync((rotating as unknown as { fd: number }).fd);

    expect(() => {
      rotating.write(line(1));
      rotating.flushSync();
      rotating.write(line(2));
      rotating.flushSync();
    }).not.toThrow();

    expect(reports(stderr)).toEqual([expect.stringMatching(/combined\.log could not be written/)]);
  });
});
