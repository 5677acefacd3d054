import type { Database } from "~/db.server";
import type { Logger } from "~/observability/logger.server";
import { emptyChange, noteKeys } from "~/services/catalog/catalog-change";
import { PRODUCT_RESOURCE } from "~/services/catalog/mirror-fields";
import { writeCatalog } from "~/services/catalog/write-catalog.server";

import type { SeoValues } from "../editor/conflict";
import { comparisonKey } from "../seo-text";

export type SeoChangeSource = "manual" | "template" | "shopify";

export interface SeoChange {
  resourceId: string;
  /** Both SEO fields as Shopify answered the update. */
  seo: SeoValues;
  /** The fields the change replaced, with the values they held. */
  previous: Partial<SeoValues>;
  source: SeoChangeSource;
  shopifyUpdatedAt: Date;
}

/**
 * Brings the catalog mirror in line with SEO changes the app just made in Shopify, keeps what
 * they replaced (for undo on the catalog side) and re-audits the products involved and those
 * sharing their old or new values, in one transaction. Products not mirrored yet are left to the
 * catalog sync, and a row already holding a newer version of the product is not written over.
 */
export async function recordSeoChanges(db: Database, shopId: string, changes: SeoChange[]) {
  if (changes.length === 0) return;
  await writeCatalog(db, shopId, async (tx) => {
    const rows = await tx.metaTag.findMany({
      where: {
        shopId,
        resourceType: PRODUCT_RESOURCE,
        resourceId: { in: changes.map((change) => change.resourceId) },
      },
      select: {
        id: true,
        resourceId: true,
        seoTitleKey: true,
        seoDescriptionKey: true,
        shopifyUpdatedAt: true,
      },
    });
    const byResource = new Map(rows.map((row) => [row.resourceId, row]));
    const touched = emptyChange();
    const now = new Date();

    for (const change of changes) {
      const row = byResource.get(change.resourceId);
      if (!row || (row.shopifyUpdatedAt && row.shopifyUpdatedAt > change.shopifyUpdatedAt)) {
        continue;
      }
      const next = {
        seoTitle: change.seo.title,
        seoDescription: change.seo.description,
        seoTitleKey: comparisonKey(change.seo.title),
        seoDescriptionKey: comparisonKey(change.seo.description),
      };
      await tx.metaTag.update({
        where: { id: row.id },
        data: {
          ...next,
          ...("title" in change.previous && { previousSeoTitle: change.previous.title ?? null }),
          ...("description" in change.previous && {
            previousSeoDescription: change.previous.description ?? null,
          }),
          source: change.source,
          shopifyUpdatedAt: change.shopifyUpdatedAt,
          syncedAt: now,
        },
      });
      touched.ids.add(row.id);
      noteKeys(touched, row);
      noteKeys(touched, next);
    }
    return touched;
  });
}

/**
 * The mirror follows a change already made in Shopify. If writing it fails, the change still
 * stands: it is logged, and the product's update webhook or the next sync brings the mirror in
 * line, so the caller reports Shopify's answer rather than a failure.
 */
export async function mirrorSeoChange(
  db: Database,
  shopId: string,
  change: SeoChange,
  log: Logger,
): Promise<void> {
  try {
    await recordSeoChanges(db, shopId, [change]);
  } catch (err) {
    log.warn({ err, resourceId: change.resourceId }, "catalog mirror not updated");
  }
}
