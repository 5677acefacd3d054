import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";

import { testDatabaseProviders } from "../database/databases";
import { startObservedStack, THROTTLED_SHOP, type ObservedStack } from "./observed-stack";

const SHOP = { domain: "alpha-outfitters.myshopify.com", name: "Alpha Outfitters", products: 3 };
const RECORDER = path.resolve("tests/integration/observability/fixtures/record-sockets.mjs");
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/;

type SocketRecord = { event: string; host?: string; address?: string; path?: string };

describe.each(testDatabaseProviders())("without a DSN on %s", (provider) => {
  let stack: ObservedStack;
  let db: Database;
  let dir: string;
  let socketLog: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "searchlight-sockets-"));
    socketLog = path.join(dir, "sockets.jsonl");
    stack = await startObservedStack(provider, {
      sentry: false,
      shops: [SHOP, THROTTLED_SHOP],
      env: { NODE_OPTIONS: `--import ${RECORDER}`, RECORD_SOCKETS_TO: socketLog },
    });
    db = createDatabase(stack.databaseUrl);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("sends nothing anywhere when errors happen, and connects only to loopback", async () => {
    expect((await stack.trpc("shop.info", SHOP.domain)).status).toBe(200);
    // The same failures that reach Sentry when a DSN is set: a procedure and a loader.
    const failedProcedure = await stack.trpc("shop.info", THROTTLED_SHOP.domain, {
      "X-Request-Id": `no-dsn-${randomUUID()}`,
    });
    await db.$executeRawUnsafe(`ALTER TABLE "ActivePlan" RENAME TO "ActivePlanMoved"`);
    const failedLoader = await stack
      .openApp(SHOP.domain)
      .finally(() => db.$executeRawUnsafe(`ALTER TABLE "ActivePlanMoved" RENAME TO "ActivePlan"`));

    expect(failedProcedure.status).toBe(502);
    expect(failedLoader.status).toBe(500);
    const errorLines = stack.app.logs.filter((line) => line.level === 50);
    expect(errorLines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["procedure failed", "request failed"]),
    );
    expect(stack.app.logs).toContainEqual(
      expect.objectContaining({ msg: "Sentry is off: SENTRY_DSN is not set, nothing is sent" }),
    );

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const envelopes = await fetch(`${stack.emulatorUrl}/__emulator/sentry/envelopes`);
    expect(await envelopes.json()).toEqual({ envelopes: [] });

    const records = (await readFile(socketLog, "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SocketRecord);
    const targets = records.filter((record) => !record.path);
    // The recorder saw the app's real traffic (token exchange, Admin API, the database on
    // PostgreSQL), so an empty list cannot pass for "nothing sent".
    expect(targets.length).toBeGreaterThan(0);
    for (const record of targets) {
      const host = record.event === "connect" ? record.host : record.address;
      expect(host, JSON.stringify(record)).toMatch(LOOPBACK);
    }
  });
});
