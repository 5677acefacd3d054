import type { Database } from "~/db.server";
import { isUniqueViolation } from "~/services/prisma-errors.server";
import type { AdminClient } from "~/services/shopify/client.server";
import type { OperationData } from "~/services/shopify/operation";

import {
  activeTemplates,
  describeTemplateIssues,
  hasIssues,
  templateIssues,
  type SeoTemplates,
} from "../templates/seo-templates";

import { BulkRunError } from "./bulk-run-error";
import { PRODUCT_IDS_PAGE, PRODUCT_IDS_PAGE_SIZE } from "./product-ids-page";

export type RunScope = { kind: "selection"; productIds: string[] } | { kind: "catalog" };

export interface StartRunInput {
  shopId: string;
  templateId: string | null;
  templates: SeoTemplates;
  scope: RunScope;
}

// Rows per insert: well under SQLite's bound-parameter limit with six columns each.
const ITEM_INSERT_CHUNK = 500;
const CREATE_TIMEOUT_MS = 60_000;

/**
 * Checks a run can start and writes it with one pending item per product (positions 0..n-1),
 * holding the shop's single active slot. Nothing is sent to Shopify here; the worker does that.
 */
export async function startBulkRun(db: Database, client: AdminClient, input: StartRunInput) {
  const issues = templateIssues(input.templates);
  if (hasIssues(issues)) {
    throw new BulkRunError(
      "INVALID_TEMPLATE",
      `The template is not valid: ${describeTemplateIssues(issues)}`,
    );
  }
  const active = activeTemplates(input.templates);
  if (!active.title && !active.description) {
    throw new BulkRunError("NO_TEMPLATE", "Give a title template, a description template or both");
  }

  await refuseWhileActive(db, input.shopId);
  const productIds =
    input.scope.kind === "selection"
      ? [...new Set(input.scope.productIds)]
      : await catalogProductIds(db, client, input.shopId);
  if (productIds.length === 0) {
    const what =
      input.scope.kind === "selection" ? "No products are selected" : "The catalog has no products";
    throw new BulkRunError("EMPTY_SELECTION", `${what}: select at least one product`);
  }

  try {
    return await db.$transaction(
      async (tx) => {
        const run = await tx.bulkRun.create({
          data: {
            shopId: input.shopId,
            activeShopId: input.shopId,
            templateId: input.templateId,
            titleTemplate: active.title ?? null,
            descriptionTemplate: active.description ?? null,
            scope: input.scope.kind,
            status: "running",
            total: productIds.length,
            startedAt: new Date(),
          },
        });
        for (let start = 0; start < productIds.length; start += ITEM_INSERT_CHUNK) {
          await tx.bulkRunItem.createMany({
            data: productIds.slice(start, start + ITEM_INSERT_CHUNK).map((resourceId, offset) => ({
              runId: run.id,
              position: start + offset,
              resourceId,
            })),
          });
        }
        return run;
      },
      { timeout: CREATE_TIMEOUT_MS },
    );
  } catch (error) {
    // Two starts at once: the unique active slot lets one through.
    if (isUniqueViolation(error)) await refuseWhileActive(db, input.shopId);
    throw error;
  }
}

export async function refuseWhileActive(db: Database, shopId: string): Promise<void> {
  const active = await db.bulkRun.findUnique({
    where: { activeShopId: shopId },
    select: { id: true, status: true },
  });
  if (active) {
    throw new BulkRunError(
      "RUN_IN_PROGRESS",
      `Another bulk run is ${active.status} for this shop (run ${active.id}); ` +
        "wait for it to finish or cancel it",
    );
  }
}

/**
 * Every product of the shop, in id order: from the catalog mirror when its last sync completed
 * (the list the merchant sees), otherwise read from Shopify, since a mirror that is being read,
 * or whose read failed, may hold only part of the catalog.
 */
async function catalogProductIds(db: Database, client: AdminClient, shopId: string) {
  const sync = await db.catalogSync.findUnique({ where: { shopId }, select: { status: true } });
  if (sync?.status === "completed") {
    const mirrored = await db.metaTag.findMany({
      where: { shopId, resourceType: "PRODUCT" },
      select: { resourceId: true },
    });
    return sortByNumericId(mirrored.map((row) => row.resourceId));
  }

  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { products }: OperationData<typeof PRODUCT_IDS_PAGE> = await client.execute(
      PRODUCT_IDS_PAGE,
      { first: PRODUCT_IDS_PAGE_SIZE, after },
    );
    ids.push(...products.nodes.map((node) => node.id));
    if (!products.pageInfo.hasNextPage) return ids;
    after = products.pageInfo.endCursor;
  }
}

function sortByNumericId(ids: string[]): string[] {
  const numeric = (id: string) => BigInt(/\d+$/.exec(id)?.[0] ?? "0");
  return ids.sort((a, b) => {
    const [left, right] = [numeric(a), numeric(b)];
    return left < right ? -1 : left > right ? 1 : 0;
  });
}
