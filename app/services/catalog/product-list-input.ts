import { z } from "zod";

import { AUDIT_RULE_IDS } from "~/services/seo/audit-rules";

export const PRODUCT_SORT_KEYS = ["title", "score", "updatedAt"] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** What the Products page asks for; shared by the page and the `products.list` procedure. */
export const productListInput = z.object({
  search: z
    .string()
    .trim()
    .max(200, "Search text can be at most 200 characters")
    .optional()
    .transform((value) => value || undefined),
  issue: z.enum(AUDIT_RULE_IDS, { error: "Unknown issue filter" }).optional(),
  sort: z.enum(PRODUCT_SORT_KEYS).default("title"),
  direction: z.enum(SORT_DIRECTIONS).default("asc"),
  cursor: z.string().max(1_000).nullish(),
  pageSize: z
    .number()
    .int()
    .min(1, "Page size must be at least 1")
    .max(MAX_PAGE_SIZE, `Page size can be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
});

export type ProductListInput = z.input<typeof productListInput>;
export type ProductListQuery = z.output<typeof productListInput>;
