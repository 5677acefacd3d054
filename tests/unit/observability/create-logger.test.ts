import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

import { addContext, runWithContext } from "~/observability/context.server";
import { createLogger, type LoggerOptions } from "~/observability/create-logger.server";

const BASE = { service: "searchlight-seo", environment: "test", release: "searchlight-seo@1.2.3" };

function capture(options: Partial<LoggerOptions> = {}) {
  const lines: string[] = [];
  const { logger, files } = createLogger({
    level: "debug",
    base: BASE,
    pretty: false,
    stdout: { write: (line: string) => lines.push(line) },
    ...options,
  });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, files, lines, parsed };
}

describe("createLogger", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("writes JSON lines with the base fields, a timestamp and the message", () => {
    const { logger, parsed } = capture();

    logger.info({ products: 3 }, "catalog synced");

    expect(parsed()).toEqual([
      expect.objectContaining({
        ...BASE,
        level: 30,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        pid: process.pid,
        hostname: expect.any(String),
        products: 3,
        msg: "catalog synced",
      }),
    ]);
  });

  it("adds the context scope's fields to every line, nested scopes included", () => {
    const { logger, parsed } = capture();

    runWithContext({ requestId: "r-1", route: "routes/app" }, () => {
      logger.info("outer");
      addContext({ shop: "a.myshopify.com" });
      runWithContext({ procedure: "shop.info" }, () => logger.info("inner"));
      logger.info("after");
    });
    logger.info("outside");

    const [outer, inner, after, outside] = parsed();
    expect(outer).toMatchObject({ requestId: "r-1", route: "routes/app" });
    expect(outer).not.toHaveProperty("shop");
    expect(inner).toMatchObject({
      requestId: "r-1",
      shop: "a.myshopify.com",
      procedure: "shop.info",
    });
    expect(after).toMatchObject({ requestId: "r-1", shop: "a.myshopify.com" });
    expect(after).not.toHaveProperty("procedure");
    expect(outside).not.toHaveProperty("requestId");
  });

  it("never writes a key twice when a child logger binds a field the scope also has", () => {
    const { logger, lines } = capture();

    runWithContext({ requestId: "r-2", shop: "a.myshopify.com" }, () => {
      logger.child({ shop: "a.myshopify.com", component: "shopify" }).info("call");
    });

    expect(lines[0]?.match(/"shop"/g)).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ requestId: "r-2", component: "shopify" });
  });

  it("hides secrets in fields, child fields, messages and errors", () => {
    const { logger, lines } = capture();
    const token = "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";

    logger
      .child({ apiKey: "SG.key" })
      .info({ session: { accessToken: token }, headers: { cookie: "c=1" } }, `using ${token}`);
    logger.error({ err: new Error(`rejected ${token}`) }, "failed");

    const text = lines.join("");
    expect(text).not.toContain(token);
    expect(text).not.toContain("SG.key");
    expect(text).not.toContain("c=1");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      apiKey: "[redacted]",
      session: { accessToken: "[redacted]" },
      headers: { cookie: "[redacted]" },
      msg: "using [redacted]",
    });
  });

  it("writes errors with their type, message, stack and cause", () => {
    const { logger, parsed } = capture();
    class AdminApiError extends Error {
      readonly operation = "ShopInfo";
    }

    logger.error(
      { err: new AdminApiError("throttled", { cause: new TypeError("fetch failed") }) },
      "call failed",
    );

    expect(parsed()[0]?.err).toEqual({
      type: "AdminApiError",
      message: "throttled",
      stack: expect.stringContaining("throttled"),
      operation: "ShopInfo",
      cause: { type: "TypeError", message: "fetch failed", stack: expect.any(String) },
    });
  });

  it("hands every error-level call to the error hook, and nothing below it", () => {
    const onErrorLine = vi.fn();
    const { logger } = capture({ onErrorLine });
    const child = logger.child({ component: "billing" });

    logger.warn("just a warning");
    child.error({ operation: "charge" }, "charge failed");
    logger.fatal(new Error("gone"));

    expect(onErrorLine).toHaveBeenCalledTimes(2);
    expect(onErrorLine.mock.calls[0]?.[0]).toEqual([{ operation: "charge" }, "charge failed"]);
    expect(onErrorLine.mock.calls[0]?.[1]).toBe(child);
    expect(onErrorLine.mock.calls[0]?.[2]).toBe(50);
    expect(onErrorLine.mock.calls[1]?.[2]).toBe(60);
  });

  it("writes every line to combined.log and errors only to error.log", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "searchlight-logger-"));
    dirs.push(dir);
    const errorFile = path.join(dir, "error.log");
    const combinedFile = path.join(dir, "combined.log");
    const { logger, files } = capture({
      files: { errorFile, combinedFile, maxBytes: 1_000_000, keep: 2 },
    });

    logger.debug("d");
    logger.info("i");
    logger.error("e");
    logger.fatal("f");
    for (const file of files) file.end();

    const messages = (file: string) =>
      readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).msg);
    expect(messages(combinedFile)).toEqual(["d", "i", "e", "f"]);
    expect(messages(errorFile)).toEqual(["e", "f"]);
  });

  it("writes nothing at level silent", () => {
    const onErrorLine = vi.fn();
    const { logger, lines } = capture({ level: "silent", onErrorLine });

    logger.error("e");

    expect(lines).toEqual([]);
    expect(onErrorLine).not.toHaveBeenCalled();
  });
});
