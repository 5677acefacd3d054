import type { Database, DatabaseProvider } from "~/db.server";
import type { Prisma } from "~/generated/prisma/sqlite/client";
import type { AuditRuleId } from "~/services/seo/audit-rules";

import { encodeCursor, type ProductCursor } from "./product-cursor.server";
import type { ProductListQuery, ProductSortKey, SortDirection } from "./product-list-input";
import { legacyProductId, PRODUCT_RESOURCE } from "./mirror-fields";

const SORT_COLUMNS = {
  title: "title",
  score: "auditScore",
  updatedAt: "shopifyUpdatedAt",
} as const satisfies Record<ProductSortKey, string>;

type SortColumn = (typeof SORT_COLUMNS)[ProductSortKey];
type SortValue = string | number | Date | null;

const LISTED_FIELDS = {
  id: true,
  resourceId: true,
  handle: true,
  title: true,
  status: true,
  seoTitle: true,
  seoDescription: true,
  featuredImageUrl: true,
  featuredImageAlt: true,
  auditScore: true,
  shopifyUpdatedAt: true,
  syncedAt: true,
  issues: { select: { rule: true }, orderBy: { rule: "asc" } },
} as const;

function cursorValue(column: SortColumn, value: SortValue): ProductCursor["value"] {
  if (value instanceof Date) return value.toISOString();
  return column === "shopifyUpdatedAt" || value === null ? (value as string | null) : value;
}

function sortValue(column: SortColumn, value: ProductCursor["value"]): SortValue {
  return column === "shopifyUpdatedAt" && typeof value === "string" ? new Date(value) : value;
}

/**
 * Where each database puts NULLs in a plain ORDER BY: SQLite first when ascending, PostgreSQL
 * last. Following that order (rather than asking for NULLS LAST) lets both walk the
 * (shopId, column) index; the columns are filled on every write, so NULLs are the exception.
 */
function nullsComeFirst(direction: SortDirection, provider: DatabaseProvider): boolean {
  return (direction === "asc") === (provider === "sqlite");
}

/** Rows after the cursor in (column, id) order, nulls where the database puts them. */
function afterCursor(
  column: SortColumn,
  direction: SortDirection,
  cursor: ProductCursor,
  provider: DatabaseProvider,
): Prisma.MetaTagWhereInput {
  const value = sortValue(column, cursor.value);
  const beyond = direction === "asc" ? "gt" : "lt";
  const nullsFirst = nullsComeFirst(direction, provider);
  const tied = { [column]: value, id: { [beyond]: cursor.id } };

  if (value === null) return nullsFirst ? { OR: [tied, { NOT: { [column]: null } }] } : tied;
  const after = [{ [column]: { [beyond]: value } }, tied];
  return { OR: nullsFirst ? after : [...after, { [column]: null }] };
}

/**
 * Case-insensitive "contains": SQLite's LIKE already is for ASCII; PostgreSQL must be told. The
 * `Database` type is SQLite's client, whose filter type lacks the PostgreSQL-only `mode`.
 */
function containing(text: string, provider: DatabaseProvider): Prisma.StringNullableFilter {
  if (provider === "sqlite") return { contains: text };
  return { contains: text, mode: "insensitive" } as Prisma.StringNullableFilter;
}

export function productFilter(
  shopId: string,
  query: { search?: string | undefined; issue?: AuditRuleId | undefined },
  provider: DatabaseProvider,
): Prisma.MetaTagWhereInput {
  const text = query.search && containing(query.search, provider);
  return {
    shopId,
    resourceType: PRODUCT_RESOURCE,
    ...(query.issue && { issues: { some: { rule: query.issue } } }),
    ...(text && {
      OR: [{ title: text }, { handle: text }, { seoTitle: text }, { vendor: text }],
    }),
  };
}

/**
 * The total for the list's footer. Without search text it is an index-only count: all the
 * shop's products, or the rows of one rule in SeoIssue (one per product, by its unique key).
 */
function countProducts(
  db: Database,
  shopId: string,
  query: { search?: string | undefined; issue?: AuditRuleId | undefined },
  filter: Prisma.MetaTagWhereInput,
) {
  if (query.search) return db.metaTag.count({ where: filter });
  if (query.issue) return db.seoIssue.count({ where: { shopId, rule: query.issue } });
  return db.metaTag.count({ where: { shopId, resourceType: PRODUCT_RESOURCE } });
}

export type ProductListRow = Awaited<ReturnType<typeof listProducts>>["products"][number];

/**
 * One page of the shop's mirrored catalog: filtered by search text and issue, sorted, and paged
 * by keyset so that page 400 costs what page 1 does. Every query is scoped to the shop.
 */
export async function listProducts(
  db: Database,
  shopId: string,
  query: Omit<ProductListQuery, "cursor"> & { cursor: ProductCursor | null },
  provider: DatabaseProvider,
) {
  const column = SORT_COLUMNS[query.sort];
  const { cursor } = query;
  const filter = productFilter(shopId, query, provider);
  const where = cursor
    ? { AND: [filter, afterCursor(column, query.direction, cursor, provider)] }
    : filter;

  const [rows, total] = await Promise.all([
    db.metaTag.findMany({
      where,
      orderBy: [{ [column]: query.direction }, { id: query.direction }],
      take: query.pageSize + 1,
      select: LISTED_FIELDS,
    }),
    countProducts(db, shopId, query, filter),
  ]);

  const page = rows.slice(0, query.pageSize);
  const last = page.at(-1);
  const hasNextPage = rows.length > query.pageSize && last !== undefined;

  return {
    total,
    nextCursor: hasNextPage
      ? encodeCursor({
          sort: query.sort,
          direction: query.direction,
          value: cursorValue(column, last[column]),
          id: last.id,
        })
      : null,
    products: page.map((row) => ({
      id: row.id,
      productId: row.resourceId,
      legacyId: legacyProductId(row.resourceId),
      title: row.title,
      handle: row.handle,
      status: row.status,
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      imageUrl: row.featuredImageUrl,
      imageAlt: row.featuredImageAlt,
      score: row.auditScore,
      issues: row.issues.map((issue) => issue.rule),
      updatedAt: row.shopifyUpdatedAt?.toISOString() ?? null,
    })),
  };
}
