import { spawn } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { request } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../database/databases";
import { freePort, startAppServer, type AppServer } from "../../support/app-server";

const apiSecret = randomBytes(24).toString("hex");
const BASE_ENV = { SHOPIFY_API_KEY: "server-test-key", SHOPIFY_API_SECRET: apiSecret };

/** Runs server.ts to completion and returns its exit code and output. */
function runServer(env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "test", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("start-up refusals", () => {
  it("exits naming a missing variable", async () => {
    const result = await runServer({ SHOPIFY_API_KEY: "k", SHOPIFY_APP_URL: "http://127.0.0.1:1" });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("SHOPIFY_API_SECRET is required");
  });

  it("exits naming an emulator setting in production", async () => {
    const result = await runServer({
      ...BASE_ENV,
      NODE_ENV: "production",
      SHOPIFY_APP_URL: "https://searchlight.example.com",
      SHOPIFY_EMULATOR_URL: "http://127.0.0.1:4010",
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "SHOPIFY_EMULATOR_URL is an emulator setting and is refused when NODE_ENV is production",
    );
  });

  it("exits naming the service that could not start", async () => {
    const port = await freePort();
    const result = await runServer({
      ...BASE_ENV,
      PORT: String(port),
      SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
      // Nothing listens on port 1, so the database service cannot connect.
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    });

    expect(result.code).toBe(1);
    // The session storage library prints its own retries as plain text; only JSON lines are ours.
    const fatal = result.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.level === 60);
    expect(fatal).toMatchObject({
      name: "database",
      msg: 'could not start: service "database" failed',
    });
  });
});

describe("the running server", () => {
  let database: TestDatabase;
  let app: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    app = await startAppServer({
      port: await freePort(),
      env: { ...BASE_ENV, DATABASE_URL: database.url },
    });
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it("reports health with the database reachable", async () => {
    const response = await fetch(`${app.url}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("returns the client's request id and logs every line of the request with it", async () => {
    const requestId = `test-${randomUUID()}`;

    const response = await fetch(`${app.url}/auth/login`, {
      headers: { "X-Request-Id": requestId },
    });

    expect(response.headers.get("X-Request-Id")).toBe(requestId);
    // The access log is written when the response has finished, just after the client has it.
    await expect
      .poll(() => app.logs.filter((line) => line.requestId === requestId))
      .toContainEqual(
        expect.objectContaining({
          method: "GET",
          path: "/auth/login",
          status: 200,
          msg: "request",
        }),
      );
  });

  it("generates a request id when the client's is missing or unsafe", async () => {
    for (const unsafe of ["two words", "x".repeat(200), "{json}"]) {
      const response = await fetch(`${app.url}/healthz`, { headers: { "X-Request-Id": unsafe } });
      expect(response.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("serves hashed assets with a year-long immutable cache", async () => {
    const page = await (await fetch(`${app.url}/auth/login`)).text();
    const asset = /\/assets\/[\w.-]+\.js/.exec(page)?.[0];
    expect(asset).toBeDefined();

    const response = await fetch(`${app.url}${asset}`);

    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });

  it("never logs query strings, which carry session tokens", async () => {
    await fetch(`${app.url}/auth/login?id_token=secret-looking-value`);

    expect(JSON.stringify(app.logs)).not.toContain("secret-looking-value");
  });
});

describe("graceful shutdown", () => {
  it("lets an in-flight request finish, refuses new ones, and exits 0", async () => {
    const database = await createTestDatabase("sqlite");
    const port = await freePort();
    const app = await startAppServer({ port, env: { ...BASE_ENV, DATABASE_URL: database.url } });

    // A webhook whose body arrives in two parts, with the shutdown signal in between.
    const body = JSON.stringify({ shop_domain: "late.myshopify.com", customer: { id: 1 } });
    const response = new Promise<number>((resolve, reject) => {
      const req = request(`${app.url}/webhooks/customers/redact`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          "X-Shopify-Hmac-Sha256": createHmac("sha256", apiSecret).update(body).digest("base64"),
          "X-Shopify-Topic": "customers/redact",
          "X-Shopify-Shop-Domain": "late.myshopify.com",
          "X-Shopify-API-Version": "2026-10",
          "X-Shopify-Webhook-Id": randomUUID(),
        },
      });
      req.once("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 500);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    const exited = app.stop("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await fetch(`${app.url}/healthz`).then(
      () => false,
      () => true,
    );

    expect(await response).toBe(200);
    expect(refused).toBe(true);
    expect(await exited).toBe(0);
    const stopped = app.logs.filter((line) => line.msg === "service stopped").map((l) => l.name);
    // Reverse start order: workers stop before the database they write to, Sentry flushes last.
    expect(stopped).toEqual(["http", "bulk-runs", "catalog-sync", "database", "sentry"]);
    await database.drop();
  });
});
