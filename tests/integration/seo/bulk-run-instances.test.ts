import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase } from "~/database.server";

import { testDatabaseProviders } from "../database/databases";
import type { AppServer } from "../../support/app-server";
import { SHOP_A, startStack, type Stack } from "../../support/stack";

import { install, productUpdateCounts, startSlowRun, trpcFor, waitForRun } from "./seo-support";

const PRODUCTS = 100;
const LEASE_MS = 2_000;

function workedBy(server: AppServer, runId: string) {
  return server.logs.some(
    (line) => line.msg === "job started" && line.job === "bulk-seo-run" && line.runId === runId,
  );
}

async function waitForStatus(databaseUrl: string, runId: string, status: string) {
  const db = createDatabase(databaseUrl);
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const run = await db.bulkRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.status === status) return run;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`run ${runId} did not reach ${status}`);
  } finally {
    await db.$disconnect();
  }
}

describe.each(testDatabaseProviders())("a bulk run with two app instances on %s", (provider) => {
  let stack: Stack;
  let second: AppServer;

  beforeAll(async () => {
    const env = { BULK_RUN_LEASE_MS: String(LEASE_MS) };
    stack = await startStack(provider, { shops: [{ ...SHOP_A, products: PRODUCTS }], env });
    await install(trpcFor(stack, SHOP_A.domain));
    second = await stack.startInstance();
  });

  afterAll(async () => {
    await second?.stop();
    await stack?.stop();
  });

  it("is worked by one instance at a time and taken over when that one dies", async () => {
    const alpha = trpcFor(stack, SHOP_A.domain);
    // Slow updates, so the run outlasts several of the second instance's looks for free runs.
    const { runId, productIds } = await startSlowRun(stack, SHOP_A.domain, {
      products: PRODUCTS,
      latencyMs: 400,
      titleTemplate: "{product_title} | Shared",
    });

    await waitForRun(alpha, runId, (run) => run.processed >= 10);
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 1.5));
    const beforeKill = await waitForRun(alpha, runId, () => true);
    expect(beforeKill.status).toBe("running");
    expect(beforeKill.processed).toBeLessThan(PRODUCTS);
    expect(workedBy(stack.app, runId)).toBe(true);
    expect(workedBy(second, runId)).toBe(false);

    await stack.app.stop("SIGKILL");
    const finished = await waitForStatus(stack.databaseUrl, runId, "completed");

    expect(workedBy(second, runId)).toBe(true);
    expect(finished).toMatchObject({
      total: PRODUCTS,
      processed: PRODUCTS,
      succeeded: PRODUCTS,
      skipped: 0,
      failed: 0,
      leaseOwner: null,
    });
    const counts = await productUpdateCounts(stack, SHOP_A.domain);
    expect(productIds.filter((id) => counts[id] !== 1)).toEqual([]);
  });
});
