import { productGid } from "~/services/catalog/mirror-fields";

const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d+$/;

/**
 * The products named by `?products=` (comma-separated GIDs or numeric ids, as the Products page
 * passes its selection), without duplicates; anything else in the list is ignored.
 */
export function selectedProductIds(param: string | null): string[] {
  if (!param) return [];
  const ids = param
    .split(",")
    .map((token) => token.trim())
    .map((token) => (/^\d+$/.test(token) ? productGid(token) : token))
    .filter((token) => PRODUCT_GID.test(token));
  return [...new Set(ids)];
}
