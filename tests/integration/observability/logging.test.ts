import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testDatabaseProviders } from "../database/databases";
import { deliverWebhook } from "../../support/webhooks";
import { startObservedStack, THROTTLED_SHOP, type ObservedStack } from "./observed-stack";

type Line = Record<string, unknown>;

const SHOP = { domain: "alpha-outfitters.myshopify.com", name: "Alpha Outfitters", products: 3 };
const MAX_BYTES = 4096;
const KEEP = 2;

async function readLines(file: string): Promise<Line[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

describe.each(testDatabaseProviders())("structured logs on %s", (provider) => {
  let stack: ObservedStack;
  let logDir: string;

  const linesOf = (requestId: string) =>
    stack.app.logs.filter((line) => line.requestId === requestId);

  async function filesOf(name: string): Promise<string[]> {
    return (await readdir(logDir)).filter((file) => file.startsWith(name)).sort();
  }

  async function allLinesOf(name: string): Promise<Line[]> {
    const lines = await Promise.all(
      (await filesOf(name)).map((f) => readLines(path.join(logDir, f))),
    );
    return lines.flat();
  }

  beforeAll(async () => {
    logDir = await mkdtemp(path.join(tmpdir(), "searchlight-logs-"));
    stack = await startObservedStack(provider, {
      sentry: false,
      shops: [SHOP, THROTTLED_SHOP],
      env: {
        LOG_DIR: logDir,
        LOG_FILE_MAX_BYTES: String(MAX_BYTES),
        LOG_FILE_COUNT: String(KEEP),
        APP_VERSION: "9.8.7",
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await rm(logDir, { recursive: true, force: true });
  });

  it("writes JSON lines carrying the service, environment and release", () => {
    const lines = stack.app.logs;

    expect(lines.filter((line) => line.unparsed)).toEqual([]);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).toMatchObject({
        service: "searchlight-seo",
        environment: "test",
        release: "searchlight-seo@9.8.7",
        level: expect.any(Number),
        time: expect.any(String),
        msg: expect.any(String),
      });
    }
  });

  it("puts the client's request id and the shop on every line of an authenticated request", async () => {
    const requestId = `logs-${randomUUID()}`;

    const response = await stack.trpc("shop.info", SHOP.domain, { "X-Request-Id": requestId });

    expect(response.status).toBe(200);
    expect(response.headers.get("X-Request-Id")).toBe(requestId);
    await expect.poll(() => linesOf(requestId).map((line) => line.msg)).toContain("request");
    const lines = linesOf(requestId);
    // Written deep inside the request by code that was handed no logger for it.
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["admin api call", "procedure finished", "request"]),
    );
    for (const line of lines) {
      expect(line).toMatchObject({ requestId, route: "routes/api.trpc.$" });
    }
    // Once authentication names the shop, every later line carries it.
    const afterAuth = lines.slice(lines.findIndex((line) => line.shop === SHOP.domain));
    expect(afterAuth.length).toBeGreaterThan(2);
    for (const line of afterAuth) expect(line.shop).toBe(SHOP.domain);
    expect(lines.find((line) => line.msg === "procedure finished")).toMatchObject({
      procedure: "shop.info",
    });
    expect(lines.find((line) => line.msg === "request")).toMatchObject({
      level: 30,
      method: "GET",
      path: "/api/trpc/shop.info",
      route: "routes/api.trpc.$",
      shop: SHOP.domain,
      status: 200,
      ms: expect.any(Number),
    });
  });

  it("names the shop and the delivery on a webhook's lines", async () => {
    const response = await deliverWebhook({
      appUrl: stack.app.url,
      path: "/webhooks/customers/data_request",
      topic: "customers/data_request",
      shop: SHOP.domain,
      secret: stack.apiSecret,
      payload: { shop_domain: SHOP.domain, customer: { id: 1 }, data_request: { id: 9 } },
    });

    expect(response.status).toBe(200);
    const requestId = response.headers.get("X-Request-Id") ?? "";
    await expect.poll(() => linesOf(requestId).map((line) => line.msg)).toContain("request");
    const handled = linesOf(requestId).find((line) => line.msg === "webhook handled");
    expect(handled).toMatchObject({
      shop: SHOP.domain,
      topic: "CUSTOMERS_DATA_REQUEST",
      webhookId: expect.any(String),
      route: "routes/webhooks.customers.data_request",
    });
    const access = linesOf(requestId).find((line) => line.msg === "request");
    expect(access).toMatchObject({ shop: SHOP.domain, status: 200 });
  });

  it("logs a request the client gave up on before it was answered", async () => {
    const requestId = `aborted-${randomUUID()}`;
    // Headers announce a body that never fully arrives; the client then drops the connection.
    await new Promise<void>((resolve, reject) => {
      const request = http.request(`${stack.app.url}/webhooks/products/update`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Content-Length": "1000",
          "X-Request-Id": requestId,
        },
      });
      request.once("error", () => resolve());
      request.write("{", () => setTimeout(() => (request.destroy(), resolve()), 200));
      request.once("response", () => reject(new Error("the app answered a request cut short")));
    });

    await expect
      .poll(() => linesOf(requestId).map((line) => line.msg))
      .toContain("request aborted by the client");
    expect(linesOf(requestId).find((line) => line.aborted)).toMatchObject({
      level: 40,
      method: "POST",
      path: "/webhooks/products/update",
      route: "routes/webhooks.products.update",
      ms: expect.any(Number),
    });
    expect(linesOf(requestId).map((line) => line.msg)).not.toContain("request");
  });

  it("logs health checks at debug level", async () => {
    const response = await fetch(`${stack.app.url}/healthz`);
    const requestId = response.headers.get("X-Request-Id") ?? "";

    await expect.poll(() => linesOf(requestId)).toHaveLength(1);
    expect(linesOf(requestId)[0]).toMatchObject({ level: 20, route: "healthz", status: 200 });
  });

  it("writes error.log with errors only and combined.log with every line", async () => {
    const requestId = `files-${randomUUID()}`;
    const response = await stack.trpc("shop.info", THROTTLED_SHOP.domain, {
      "X-Request-Id": requestId,
    });
    expect(response.status).toBe(502);

    await expect
      .poll(async () => (await allLinesOf("error.log")).map((line) => line.requestId))
      .toContain(requestId);
    const errors = await allLinesOf("error.log");
    for (const line of errors) expect(line.level as number).toBeGreaterThanOrEqual(50);
    expect(errors.find((line) => line.requestId === requestId)).toMatchObject({
      msg: "procedure failed",
      shop: THROTTLED_SHOP.domain,
      err: { type: expect.stringMatching(/Error$/), message: expect.any(String) },
    });

    await expect
      .poll(async () => (await allLinesOf("combined.log")).map((line) => line.requestId))
      .toContain(requestId);
    const combined = (await allLinesOf("combined.log")).filter((l) => l.requestId === requestId);
    expect(new Set(combined.map((line) => line.level))).toEqual(new Set([20, 30, 40, 50]));
  });

  it("rotates the files at the size limit and keeps the configured count", async () => {
    // Enough requests to fill the combined log several times over.
    for (let index = 0; index < 40; index += 1) {
      await stack.trpc("shop.info", SHOP.domain);
    }

    await expect
      .poll(() => filesOf("combined.log"))
      .toEqual(["combined.log", "combined.log.1", "combined.log.2"]);
    for (const file of await filesOf("combined.log")) {
      const { size } = await stat(path.join(logDir, file));
      expect(size).toBeLessThanOrEqual(MAX_BYTES);
    }
  });
});
