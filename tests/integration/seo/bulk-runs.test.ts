import { afterAll, assert, beforeAll, describe, expect, it } from "vitest";

import { renderTemplate } from "~/services/seo/templates/render-template";

import { testDatabaseProviders } from "../database/databases";
import { SHOP_A, SHOP_B, startStack, type Stack } from "../../support/stack";

import {
  addFault,
  clearFaults,
  deleteEmulatedProduct,
  emulatedProduct,
  graphqlCalls,
  install,
  productGid,
  productUpdateCounts,
  trpcFor,
  waitForRun,
  type TrpcClient,
} from "./seo-support";

const TITLE_TEMPLATE = "{product_title} | {vendor}";
const DESCRIPTION_TEMPLATE = "Shop {product_title} from {shop_name}, from {price}.";

function ids(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => productGid(from + index));
}

describe.each(testDatabaseProviders())("bulk SEO runs on %s", (provider) => {
  let stack: Stack;
  let alpha: TrpcClient;

  beforeAll(async () => {
    stack = await startStack(provider, {
      shops: [
        { ...SHOP_A, products: 30 },
        { ...SHOP_B, products: 3 },
      ],
    });
    alpha = trpcFor(stack, SHOP_A.domain);
    await install(alpha);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("refuses an unknown placeholder, naming it and its position, and sends nothing", async () => {
    const answer = await alpha.mutate("seo.bulkRuns.start", {
      titleTemplate: "{product_title} in {colour}",
      scope: "selection",
      productIds: ids(1, 3),
    });

    expect(answer.status).toBe(400);
    expect(answer.error?.message).toContain("unknown placeholder {colour} at character 20");
    expect(await graphqlCalls(stack, SHOP_A.domain, "ProductSeoUpdate")).toBe(0);
  });

  it("refuses an empty selection and a run without any template", async () => {
    const empty = await alpha.mutate("seo.bulkRuns.start", {
      titleTemplate: TITLE_TEMPLATE,
      scope: "selection",
      productIds: [],
    });
    const noTemplate = await alpha.mutate("seo.bulkRuns.start", {
      titleTemplate: "  ",
      scope: "selection",
      productIds: ids(1, 2),
    });

    expect(empty.status).toBe(400);
    expect(empty.error?.message).toMatch(/No products are selected/);
    expect(noTemplate.status).toBe(400);
    expect(await graphqlCalls(stack, SHOP_A.domain, "ProductSeoUpdate")).toBe(0);
  });

  it("applies templates to a selection, skips a deleted product, and undoes the rest", async () => {
    const before = await Promise.all(
      [1, 2, 3, 4, 5].map((id) => emulatedProduct(stack, SHOP_A.domain, id)),
    );
    await deleteEmulatedProduct(stack, SHOP_A.domain, 6);

    const started = await alpha.mutate<{ runId: string; total: number }>("seo.bulkRuns.start", {
      titleTemplate: TITLE_TEMPLATE,
      descriptionTemplate: DESCRIPTION_TEMPLATE,
      scope: "selection",
      productIds: [...ids(1, 6), productGid(1)],
    });
    expect(started.error).toBeNull();
    expect(started.data.total).toBe(6);

    const run = await waitForRun(alpha, started.data.runId, (view) => view.status === "completed");
    expect(run).toMatchObject({
      total: 6,
      processed: 6,
      succeeded: 5,
      skipped: 1,
      failed: 0,
      checkpoint: 5,
    });
    for (const product of before) {
      const now = await emulatedProduct(stack, SHOP_A.domain, Number(product.id.split("/").pop()));
      const expected = renderTemplate(TITLE_TEMPLATE, placeholders(product), "title");
      assert(expected.ok, `the title template did not render: ${JSON.stringify(expected)}`);
      expect(now.seo.title).toBe(expected.field.value);
      expect(now.seo.description).toMatch(/^Shop .+ from Alpha Outfitters, from \$\d+\.\d{2}\.$/);
    }

    const undo = await alpha.mutate("seo.bulkRuns.undo", { runId: started.data.runId });
    expect(undo.error).toBeNull();
    const undone = await waitForRun(alpha, started.data.runId, (view) => view.status === "undone");
    expect(undone.undo).toEqual({ total: 5, done: 5 });
    expect(undone.items).toMatchObject({ undone: 5, skipped: 1 });
    for (const product of before) {
      const now = await emulatedProduct(stack, SHOP_A.domain, Number(product.id.split("/").pop()));
      expect(now.seo).toEqual(product.seo);
    }
    // One update by the run and one by its undo, never more.
    const counts = await productUpdateCounts(stack, SHOP_A.domain);
    expect(ids(1, 5).map((id) => counts[id])).toEqual([2, 2, 2, 2, 2]);
  });

  it("allows one active run per shop, and cancels a run part-way", async () => {
    await addFault(stack, {
      kind: "latency",
      shop: SHOP_A.domain,
      operationName: "ProductSeoUpdate",
      latencyMs: 300,
    });
    try {
      const first = await alpha.mutate<{ runId: string }>("seo.bulkRuns.start", {
        titleTemplate: "{product_title} - on sale",
        scope: "catalog",
      });
      expect(first.error).toBeNull();

      const second = await alpha.mutate("seo.bulkRuns.start", {
        titleTemplate: TITLE_TEMPLATE,
        scope: "selection",
        productIds: ids(1, 2),
      });
      expect(second.status).toBe(409);
      expect(second.error?.data.code).toBe("CONFLICT");
      expect(second.error?.message).toMatch(/Another bulk run is running for this shop/);

      // Another shop is not held up by it.
      const bravo = trpcFor(stack, SHOP_B.domain);
      await install(bravo);
      const other = await bravo.mutate<{ runId: string }>("seo.bulkRuns.start", {
        titleTemplate: TITLE_TEMPLATE,
        scope: "selection",
        productIds: ids(1, 2),
      });
      expect(other.error).toBeNull();

      await waitForRun(alpha, first.data.runId, (view) => view.processed >= 2);
      const cancel = await alpha.mutate("seo.bulkRuns.cancel", { runId: first.data.runId });
      expect(cancel.error).toBeNull();
      const cancelled = await waitForRun(
        alpha,
        first.data.runId,
        (view) => view.status === "cancelled",
      );

      expect(cancelled.processed).toBeLessThan(cancelled.total);
      expect(cancelled.items.pending).toBe(cancelled.total - cancelled.processed);
      expect(cancelled.items.sending).toBe(0);
      const again = await alpha.mutate("seo.bulkRuns.cancel", { runId: first.data.runId });
      expect(again.status).toBe(412);
    } finally {
      await clearFaults(stack);
    }
  });

  it("never shows one shop's runs to another", async () => {
    const runs = await alpha.query<Array<{ id: string }>>("seo.bulkRuns.list");
    const [latest] = runs.data;
    expect(latest).toBeDefined();

    const asBravo = await trpcFor(stack, SHOP_B.domain).query("seo.bulkRuns.get", {
      runId: latest?.id,
    });
    expect(asBravo.status).toBe(404);
  });
});

function placeholders(product: { title: string; vendor: string; productType: string }) {
  return {
    product_title: product.title,
    vendor: product.vendor,
    product_type: product.productType,
    shop_name: SHOP_A.name,
    price: null,
  };
}
