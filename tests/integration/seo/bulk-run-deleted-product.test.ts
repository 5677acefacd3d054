import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testDatabaseProviders } from "../database/databases";
import { SHOP_A, startStack, type Stack } from "../../support/stack";

import {
  deleteEmulatedProduct,
  install,
  productGid,
  productUpdateCounts,
  startSlowRun,
  type TrpcClient,
  trpcFor,
  waitForRun,
} from "./seo-support";

const PRODUCTS = 30;
// The last product of the first batch the run reads: with slow updates sent eight at a time it
// is read with the batch, then waits about three rounds of updates before its own is sent.
const DELETED = 25;

interface RunItems {
  items: Array<{
    resourceId: string;
    status: string;
    newSeoTitle: string | null;
    error: string | null;
  }>;
}

async function itemOf(alpha: TrpcClient, runId: string, resourceId: string) {
  const answer = await alpha.query<RunItems>("seo.bulkRuns.items", { runId, take: 100 });
  expect(answer.error).toBeNull();
  return answer.data.items.find((item) => item.resourceId === resourceId);
}

describe.each(testDatabaseProviders())("a product deleted during a bulk run on %s", (provider) => {
  let stack: Stack;
  let alpha: TrpcClient;

  beforeAll(async () => {
    stack = await startStack(provider, { shops: [{ ...SHOP_A, products: PRODUCTS }] });
    alpha = trpcFor(stack, SHOP_A.domain);
    await install(alpha);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("is skipped, and the run updates every other product", async () => {
    const { runId, productIds } = await startSlowRun(stack, SHOP_A.domain, {
      products: PRODUCTS,
      latencyMs: 800,
      titleTemplate: "{product_title} | Deleted mid-run",
    });

    await waitForRun(alpha, runId, (run) => run.processed >= 1);
    await deleteEmulatedProduct(stack, SHOP_A.domain, DELETED);
    // The run had read the product and rendered its title, but not yet sent the update.
    const whenDeleted = await itemOf(alpha, runId, productGid(DELETED));
    expect(whenDeleted).toMatchObject({ status: "pending", newSeoTitle: expect.any(String) });

    const run = await waitForRun(alpha, runId, (view) => view.status === "completed");
    expect(run).toMatchObject({
      total: PRODUCTS,
      processed: PRODUCTS,
      succeeded: PRODUCTS - 1,
      skipped: 1,
      failed: 0,
    });
    expect(run.items).toMatchObject({ updated: PRODUCTS - 1, skipped: 1, failed: 0, pending: 0 });
    expect(await itemOf(alpha, runId, productGid(DELETED))).toMatchObject({
      status: "skipped",
      error: "The product no longer exists in Shopify",
    });

    const counts = await productUpdateCounts(stack, SHOP_A.domain);
    const expected = Object.fromEntries(
      productIds.filter((id) => id !== productGid(DELETED)).map((id) => [id, 1]),
    );
    expect(counts).toEqual(expected);
  });
});
