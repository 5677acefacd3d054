import type { Prisma } from "~/generated/prisma/sqlite/client";

import type { CatalogChange } from "./catalog-change";
import { chunks } from "./chunks";
import { PRODUCT_RESOURCE } from "./mirror-fields";
import type { Transaction } from "./retried-transaction.server";

const AUDITED_FIELDS = {
  id: true,
  seoTitle: true,
  seoDescription: true,
  seoTitleKey: true,
  seoDescriptionKey: true,
  featuredImageUrl: true,
  featuredImageAlt: true,
  imageCount: true,
  imagesWithoutAlt: true,
  auditScore: true,
} as const;

const DUPLICATE_RULES = {
  seoTitleKey: "seo-title-duplicate",
  seoDescriptionKey: "seo-description-duplicate",
} as const;

type KeyField = keyof typeof DUPLICATE_RULES;

export type AuditedRow = Awaited<ReturnType<typeof loadRows>>[number];

/** What the audit needs: the rows to judge and which of their values other products share. */
export interface AuditScope {
  rows: AuditedRow[];
  sharedTitles: Set<string>;
  sharedDescriptions: Set<string>;
}

function loadRows(tx: Transaction, shopId: string, where: Prisma.MetaTagWhereInput = {}) {
  return tx.metaTag.findMany({
    where: { shopId, resourceType: PRODUCT_RESOURCE, ...where },
    select: AUDITED_FIELDS,
  });
}

function keysHeldMoreThanOnce(values: Array<string | null>): Set<string> {
  const seen = new Map<string, number>();
  for (const value of values) if (value) seen.set(value, (seen.get(value) ?? 0) + 1);
  return new Set([...seen].filter(([, count]) => count > 1).map(([key]) => key));
}

/** Which of the given keys more than one product of the shop holds. */
async function sharedKeys(tx: Transaction, shopId: string, field: KeyField, keys: Set<string>) {
  const shared = new Set<string>();
  for (const chunk of chunks([...keys])) {
    const groups = await tx.metaTag.groupBy({
      by: [field],
      where: { shopId, resourceType: PRODUCT_RESOURCE, [field]: { in: chunk } },
      _count: { _all: true },
    });
    for (const group of groups) {
      const key = group[field];
      if (key && group._count._all > 1) shared.add(key);
    }
  }
  return shared;
}

/**
 * Products holding one of `keys` whose duplicate issue no longer matches: those sharing a value
 * without the issue, and those left alone with it. Other products holding the keys are right
 * already, so a change to one product of a hundred sharing a description reads one or two rows,
 * not a hundred.
 */
async function rowsWithStaleDuplicateFlag(
  tx: Transaction,
  shopId: string,
  field: KeyField,
  keys: Set<string>,
  shared: Set<string>,
) {
  const rule = DUPLICATE_RULES[field];
  const alone = [...keys].filter((key) => !shared.has(key));
  const rows: AuditedRow[] = [];
  for (const chunk of chunks([...shared])) {
    rows.push(
      ...(await loadRows(tx, shopId, { [field]: { in: chunk }, issues: { none: { rule } } })),
    );
  }
  for (const chunk of chunks(alone)) {
    rows.push(
      ...(await loadRows(tx, shopId, { [field]: { in: chunk }, issues: { some: { rule } } })),
    );
  }
  return rows;
}

async function changedScope(tx: Transaction, shopId: string, change: CatalogChange) {
  const rows = new Map<string, AuditedRow>();
  for (const ids of chunks([...change.ids])) {
    for (const row of await loadRows(tx, shopId, { id: { in: ids } })) rows.set(row.id, row);
  }

  const sharedTitles = await sharedKeys(tx, shopId, "seoTitleKey", change.titleKeys);
  const sharedDescriptions = await sharedKeys(
    tx,
    shopId,
    "seoDescriptionKey",
    change.descriptionKeys,
  );
  const stale = [
    ...(await rowsWithStaleDuplicateFlag(
      tx,
      shopId,
      "seoTitleKey",
      change.titleKeys,
      sharedTitles,
    )),
    ...(await rowsWithStaleDuplicateFlag(
      tx,
      shopId,
      "seoDescriptionKey",
      change.descriptionKeys,
      sharedDescriptions,
    )),
  ];
  for (const row of stale) rows.set(row.id, row);

  // A changed row's other value may lie outside the change (its description, when only its
  // title was touched): whether that one is shared must be known too.
  const unknownTitles = new Set<string>();
  const unknownDescriptions = new Set<string>();
  for (const row of rows.values()) {
    if (row.seoTitleKey && !change.titleKeys.has(row.seoTitleKey))
      unknownTitles.add(row.seoTitleKey);
    if (row.seoDescriptionKey && !change.descriptionKeys.has(row.seoDescriptionKey)) {
      unknownDescriptions.add(row.seoDescriptionKey);
    }
  }
  for (const key of await sharedKeys(tx, shopId, "seoTitleKey", unknownTitles)) {
    sharedTitles.add(key);
  }
  for (const key of await sharedKeys(tx, shopId, "seoDescriptionKey", unknownDescriptions)) {
    sharedDescriptions.add(key);
  }
  return { rows: [...rows.values()], sharedTitles, sharedDescriptions };
}

/** The rows a change (or "all") asks the audit to judge, with the duplicate facts it needs. */
export async function auditScope(
  tx: Transaction,
  shopId: string,
  scope: CatalogChange | "all",
): Promise<AuditScope> {
  if (scope !== "all") return changedScope(tx, shopId, scope);

  const rows = await loadRows(tx, shopId);
  return {
    rows,
    sharedTitles: keysHeldMoreThanOnce(rows.map((row) => row.seoTitleKey)),
    sharedDescriptions: keysHeldMoreThanOnce(rows.map((row) => row.seoDescriptionKey)),
  };
}
