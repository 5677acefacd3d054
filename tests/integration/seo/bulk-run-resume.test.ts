import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase } from "~/database.server";

import { testDatabaseProviders } from "../database/databases";
import type { AppServer } from "../../support/app-server";
import { SHOP_A, startStack, type Stack } from "../../support/stack";

import {
  emulatedProduct,
  install,
  productUpdateCounts,
  startSlowRun,
  trpcFor,
  waitForRun,
} from "./seo-support";

const PRODUCTS = 60;
// The killed process cannot hand its lease back: the replacement takes the run once it expires.
const LEASE = { BULK_RUN_LEASE_MS: "2000" };

describe.each(testDatabaseProviders())("a bulk run killed mid-way on %s", (provider) => {
  let stack: Stack;
  let replacement: AppServer | undefined;

  beforeAll(async () => {
    stack = await startStack(provider, { shops: [{ ...SHOP_A, products: PRODUCTS }], env: LEASE });
    await install(trpcFor(stack, SHOP_A.domain));
  });

  afterAll(async () => {
    await replacement?.stop();
    await stack?.stop();
  });

  it("resumes from its checkpoint after a restart and updates every product exactly once", async () => {
    const alpha = trpcFor(stack, SHOP_A.domain);
    // Slow updates, so the kill lands with updates in flight and others still to send.
    const { runId, productIds } = await startSlowRun(stack, SHOP_A.domain, {
      products: PRODUCTS,
      latencyMs: 200,
      titleTemplate: "{product_title} | Resumed",
    });

    await waitForRun(alpha, runId, (run) => run.processed >= 10);
    await stack.app.stop("SIGKILL");

    const db = createDatabase(stack.databaseUrl);
    try {
      const left = await db.bulkRunItem.count({ where: { runId, status: "pending" } });
      const run = await db.bulkRun.findUniqueOrThrow({ where: { id: runId } });
      expect(run.status).toBe("running");
      expect(left).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }

    replacement = await stack.startInstance({ port: Number(new URL(stack.app.url).port) });
    const finished = await waitForRun(alpha, runId, (run) => run.status === "completed", 60_000);

    expect(finished).toMatchObject({
      total: PRODUCTS,
      processed: PRODUCTS,
      succeeded: PRODUCTS,
      skipped: 0,
      failed: 0,
      checkpoint: PRODUCTS - 1,
    });
    const counts = await productUpdateCounts(stack, SHOP_A.domain);
    expect(productIds.filter((id) => counts[id] !== 1)).toEqual([]);
    const last = await emulatedProduct(stack, SHOP_A.domain, PRODUCTS);
    expect(last.seo.title).toBe(`${last.title} | Resumed`);
    expect(replacement.logs).toContainEqual(
      expect.objectContaining({ msg: "job started", job: "bulk-seo-run", runId }),
    );
  });
});
