import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";

import { waitForSync, webhooksSettled } from "../app/products-helpers";
import { testDatabaseProviders } from "../database/databases";
import { SHOP_A, SHOP_B, startStack, type Stack } from "../../support/stack";

import { install, productGid, trpcFor, waitForRun } from "./seo-support";
import { expectRedactToErase, shopKeys, shopRows } from "./shop-rows";

describe.each(testDatabaseProviders())("shop/redact and the SEO workspace on %s", (provider) => {
  let stack: Stack;
  let db: Database;

  beforeAll(async () => {
    stack = await startStack(provider);
    db = createDatabase(stack.databaseUrl);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  });

  it("erases the shop's templates, bulk runs and their items, and nothing of another shop", async () => {
    for (const shop of [SHOP_A.domain, SHOP_B.domain]) {
      const trpc = trpcFor(stack, shop);
      await install(trpc);
      await waitForSync(stack, shop);
      const template = await trpc.mutate<{ id: string }>("seo.templates.create", {
        name: "Default",
        titleTemplate: "{product_title} | {shop_name}",
      });
      const run = await trpc.mutate<{ runId: string }>("seo.bulkRuns.start", {
        templateId: template.data.id,
        scope: "selection",
        productIds: [productGid(1), productGid(2)],
      });
      await waitForRun(trpc, run.data.runId, (view) => view.status === "completed");
      // The run's products/update webhooks land before the erasure, not after it.
      await webhooksSettled(stack, shop);
    }
    const alpha = await shopKeys(db, SHOP_A.domain);
    const bravo = await shopKeys(db, SHOP_B.domain);
    const bravoBefore = await shopRows(db, bravo);
    expect(await shopRows(db, alpha)).toMatchObject({
      shops: 1,
      metaTags: 3,
      seoTemplates: 1,
      bulkRuns: 1,
      bulkRunItems: 2,
    });
    expect(bravoBefore).toMatchObject({ seoTemplates: 1, bulkRuns: 1, bulkRunItems: 2 });

    await expectRedactToErase(stack, db, alpha, { keys: bravo, before: bravoBefore });
  });
});
