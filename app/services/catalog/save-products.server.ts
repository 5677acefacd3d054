import type { ProductSummary } from "~/services/shopify/operations/product-summary";

import { chunks } from "./chunks";
import { emptyChange, noteKeys, type CatalogChange } from "./catalog-change";
import type { Transaction } from "./retried-transaction.server";
import { mirrorDiffers, mirrorFields, PRODUCT_RESOURCE, type MirrorFields } from "./mirror-fields";

const STORED_FIELDS = {
  id: true,
  resourceId: true,
  handle: true,
  title: true,
  vendor: true,
  productType: true,
  status: true,
  price: true,
  seoTitle: true,
  seoDescription: true,
  seoTitleKey: true,
  seoDescriptionKey: true,
  featuredImageUrl: true,
  featuredImageAlt: true,
  imageCount: true,
  imagesWithoutAlt: true,
  shopifyUpdatedAt: true,
} as const;

function seoChanged(
  stored: { seoTitle: string | null; seoDescription: string | null },
  next: MirrorFields,
) {
  return stored.seoTitle !== next.seoTitle || stored.seoDescription !== next.seoDescription;
}

/**
 * Writes products as Shopify describes them into the mirror and returns what changed, for the
 * audit. A product older than the stored row (a late webhook, a sync page read before a newer
 * webhook landed) is not written over it; every product given is marked as seen at `seenAt`.
 * Run it inside writeCatalog, which audits the change in the same transaction.
 */
export async function saveProducts(
  db: Transaction,
  shopId: string,
  products: ProductSummary[],
  seenAt: Date,
): Promise<CatalogChange> {
  const change = emptyChange();
  if (products.length === 0) return change;

  const stored = await db.metaTag.findMany({
    where: {
      shopId,
      resourceType: PRODUCT_RESOURCE,
      resourceId: { in: products.map((product) => product.id) },
    },
    select: STORED_FIELDS,
  });
  const storedById = new Map(stored.map((row) => [row.resourceId, row]));

  const created: Array<MirrorFields & { resourceId: string }> = [];
  const updates: Array<{ id: string; data: Partial<MirrorFields> & { source?: string } }> = [];
  const seenOnly: string[] = [];

  for (const product of products) {
    const next = mirrorFields(product);
    const row = storedById.get(product.id);
    if (!row) {
      created.push({ ...next, resourceId: product.id });
      noteKeys(change, next);
    } else if (row.shopifyUpdatedAt && row.shopifyUpdatedAt >= next.shopifyUpdatedAt) {
      seenOnly.push(row.id);
    } else if (!mirrorDiffers(row, next)) {
      // Shopify touched the product (stock, tags) without changing what the app mirrors.
      updates.push({ id: row.id, data: { shopifyUpdatedAt: next.shopifyUpdatedAt } });
    } else {
      // New SEO values coming from Shopify were set outside the app (or by another app).
      updates.push({
        id: row.id,
        data: seoChanged(row, next) ? { ...next, source: "shopify" } : next,
      });
      change.ids.add(row.id);
      noteKeys(change, row);
      noteKeys(change, next);
    }
  }

  if (created.length > 0) {
    const rows = await db.metaTag.createManyAndReturn({
      data: created.map((fields) => ({
        ...fields,
        shopId,
        resourceType: PRODUCT_RESOURCE,
        source: "shopify",
        syncedAt: seenAt,
      })),
      select: { id: true },
    });
    for (const row of rows) change.ids.add(row.id);
  }
  for (const { id, data } of updates) {
    await db.metaTag.update({ where: { id }, data: { ...data, syncedAt: seenAt } });
  }
  for (const ids of chunks(seenOnly)) {
    await db.metaTag.updateMany({ where: { id: { in: ids } }, data: { syncedAt: seenAt } });
  }
  return change;
}

/** Removes products from the mirror (their issues go with them) and returns what they held. */
export async function removeProducts(
  db: Transaction,
  shopId: string,
  where: { resourceIds: string[] } | { notSeenSince: Date },
): Promise<CatalogChange & { removed: number }> {
  const filter =
    "resourceIds" in where
      ? { resourceId: { in: where.resourceIds } }
      : { OR: [{ syncedAt: null }, { syncedAt: { lt: where.notSeenSince } }] };
  const rows = await db.metaTag.findMany({
    where: { shopId, resourceType: PRODUCT_RESOURCE, ...filter },
    select: { id: true, seoTitleKey: true, seoDescriptionKey: true },
  });

  const change = emptyChange();
  if (rows.length === 0) return { ...change, removed: 0 };
  for (const row of rows) noteKeys(change, row);

  let removed = 0;
  for (const ids of chunks(rows.map((row) => row.id))) {
    const { count } = await db.metaTag.deleteMany({ where: { shopId, id: { in: ids } } });
    removed += count;
  }
  return { ...change, removed };
}
