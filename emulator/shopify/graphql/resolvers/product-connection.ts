import { responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import { paginate, type PageArgs } from "../connection";
import { searchProducts, sortValueOf, sortedProducts } from "../product-search";
import { requireAccess } from "./access";
import type { ResolverContext } from "./context";
import { productView } from "./product";

export type ProductsArgs = PageArgs & { query?: string | null; sortKey?: string | null };

/** Searches, sorts and pages the shop's products; reports unknown search fields. */
export function searchedProducts(
  context: ResolverContext,
  query: string | null | undefined,
  sortKey: string,
  info: GraphQLResolveInfo,
) {
  const search = searchProducts(sortedProducts(context.shop, sortKey), query);
  if (query && search.warnings.length > 0) {
    context.searchReports.push({
      path: responsePathAsArray(info.path),
      query,
      warnings: search.warnings,
    });
  }
  return search.products;
}

export function productConnection(
  context: ResolverContext,
  args: ProductsArgs,
  info: GraphQLResolveInfo,
) {
  requireAccess(context, "read_products", info.fieldName);
  const sortKey = args.sortKey ?? "ID";
  const products = searchedProducts(context, args.query, sortKey, info);
  const valueOf = sortValueOf(sortKey);

  return paginate(
    products,
    args,
    (product) => ({ id: product.id, value: valueOf(product) }),
    (product) => productView(context, product),
  );
}
