import type { SeoValues } from "../editor/conflict";

/** The columns of a BulkRunItem the worker reads and writes. */
export interface RunItem {
  id: string;
  runId: string;
  position: number;
  resourceId: string;
  status: string;
  previousSeoTitle: string | null;
  previousSeoDescription: string | null;
  newSeoTitle: string | null;
  newSeoDescription: string | null;
}

export const RUN_ITEM_FIELDS = {
  id: true,
  runId: true,
  position: true,
  resourceId: true,
  status: true,
  previousSeoTitle: true,
  previousSeoDescription: true,
  newSeoTitle: true,
  newSeoDescription: true,
} as const;

/**
 * The fields a run changed on the item (a null new value means the run left that field alone),
 * with either the values it wrote or the ones it replaced.
 */
export function seoInput(item: RunItem, which: "new" | "previous"): Partial<SeoValues> {
  const input: Partial<SeoValues> = {};
  if (item.newSeoTitle !== null) {
    input.title = which === "new" ? item.newSeoTitle : item.previousSeoTitle;
  }
  if (item.newSeoDescription !== null) {
    input.description = which === "new" ? item.newSeoDescription : item.previousSeoDescription;
  }
  return input;
}

/** Whether Shopify's SEO fields hold the run's new (or previous) values, in the fields it sets. */
export function matchesValues(
  current: SeoValues,
  item: RunItem,
  which: "new" | "previous",
): boolean {
  const wanted = seoInput(item, which);
  return (["title", "description"] as const).every(
    (field) => !(field in wanted) || (current[field] ?? "") === (wanted[field] ?? ""),
  );
}
