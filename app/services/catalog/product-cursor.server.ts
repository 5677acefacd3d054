import { z } from "zod";

import type { ProductSortKey, SortDirection } from "./product-list-input";

/**
 * Where a page of the catalog ended: the sort it was made for, the last row's sort value and its
 * id. Keyset pagination stays fast on deep pages and keeps working when the row it points at has
 * since been deleted, which Prisma's id-based cursor does not.
 */
const cursorShape = z.object({
  sort: z.string(),
  direction: z.string(),
  value: z.union([z.string(), z.number(), z.null()]),
  id: z.string(),
});

export type ProductCursor = z.infer<typeof cursorShape>;

// The last row's value for each sort, as encodeCursor wrote it; anything else was tampered with.
const valueForSort: Record<ProductSortKey, z.ZodType> = {
  title: z.string().nullable(),
  score: z.number().int().nullable(),
  updatedAt: z.iso.datetime().nullable(),
};

export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`cursor: ${reason}`);
    this.name = "InvalidCursorError";
  }
}

export function encodeCursor(cursor: ProductCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(
  text: string,
  expected: { sort: ProductSortKey; direction: SortDirection },
): ProductCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError("not a cursor this list returned");
  }
  const cursor = cursorShape.safeParse(parsed);
  if (!cursor.success) throw new InvalidCursorError("not a cursor this list returned");
  if (cursor.data.sort !== expected.sort || cursor.data.direction !== expected.direction) {
    throw new InvalidCursorError("made for another sort order; start again from the first page");
  }
  if (!valueForSort[expected.sort].safeParse(cursor.data.value).success) {
    throw new InvalidCursorError("not a cursor this list returned");
  }
  return cursor.data;
}
