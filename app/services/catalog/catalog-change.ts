/**
 * What a write to the mirror touched: the rows written and the SEO values they held before and
 * after, since a product leaving or joining a value changes whether its peers are duplicates.
 */
export interface CatalogChange {
  ids: Set<string>;
  titleKeys: Set<string>;
  descriptionKeys: Set<string>;
}

export function emptyChange(): CatalogChange {
  return { ids: new Set(), titleKeys: new Set(), descriptionKeys: new Set() };
}

export function noteKeys(
  change: CatalogChange,
  row: { seoTitleKey: string | null; seoDescriptionKey: string | null },
): void {
  if (row.seoTitleKey) change.titleKeys.add(row.seoTitleKey);
  if (row.seoDescriptionKey) change.descriptionKeys.add(row.seoDescriptionKey);
}
