/**
 * Where the Products page sends the merchant. A selection goes to the templates page as the
 * numeric product ids (the end of each product GID) in one query parameter,
 * `/app/templates?products=101,102,103`; it is at most one page of the table (100 products),
 * so the URL stays short and can be bookmarked. One product opens in the editor at
 * `/app/products/<numeric id>`.
 */
export const TEMPLATES_PATH = "/app/templates";
export const SELECTION_PARAM = "products";

export function templatesUrlFor(productIds: readonly string[]): string {
  const params = new URLSearchParams({ [SELECTION_PARAM]: productIds.join(",") });
  return `${TEMPLATES_PATH}?${params.toString()}`;
}

export function productEditorPath(productId: string): string {
  return `/app/products/${encodeURIComponent(productId)}`;
}
