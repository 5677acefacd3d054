import type { GraphQLResolveInfo } from "graphql";
import { requireAccess } from "./access";
import type { Args, ResolverContext, View } from "./context";
import { gid, parseGid } from "./global-id";
import { productConnection, searchedProducts, type ProductsArgs } from "./product-connection";
import { mediaImageView, productView, variantView } from "./product";
import { shopView } from "./shop";

const PRODUCTS_COUNT_LIMIT = 10_000;

// Variant and media ids are the product id times 100 plus their position (see fixtures).
function ownerProductId(childId: number): number {
  return Math.floor(childId / 100);
}

function productNode(context: ResolverContext, field: string, id: unknown): View | null {
  const parsed = parseGid(id);
  const { shop } = context;

  if (parsed.type === "Shop") return parsed.id === shop.id ? shopView(context) : null;
  requireAccess(context, "read_products", field);

  if (parsed.type === "Product") {
    const product = shop.productsById.get(parsed.id);
    return product ? productView(context, product) : null;
  }
  const product = shop.productsById.get(ownerProductId(parsed.id));
  if (!product) return null;
  if (parsed.type === "ProductVariant") {
    const variant = product.variants.find((candidate) => candidate.id === parsed.id);
    return variant ? variantView(context, product, variant) : null;
  }
  if (parsed.type === "MediaImage") {
    const image = product.images.find((candidate) => candidate.id === parsed.id);
    return image ? mediaImageView(context, product, image) : null;
  }
  return null;
}

function productByHandle(context: ResolverContext, handle: unknown): View | null {
  const product = context.shop.products.find((candidate) => candidate.handle === handle);
  return product ? productView(context, product) : null;
}

/** The QueryRoot fields the emulator answers. */
export function queryRoot(context: ResolverContext): View {
  const { grant, shop } = context;

  return {
    shop: () => shopView(context),
    products: (args: ProductsArgs, _context: unknown, info: GraphQLResolveInfo) =>
      productConnection(context, args, info),
    productsCount: (args: Args, _context: unknown, info: GraphQLResolveInfo) => {
      requireAccess(context, "read_products", info.fieldName);
      const query = typeof args.query === "string" ? args.query : null;
      const total = searchedProducts(context, query, "ID", info).length;
      const limit = typeof args.limit === "number" ? args.limit : PRODUCTS_COUNT_LIMIT;
      return { count: Math.min(total, limit), precision: total > limit ? "AT_LEAST" : "EXACT" };
    },
    product: (args: Args) => {
      const node = productNode(context, "product", args.id);
      return node?.__typename === "Product" ? node : null;
    },
    productByHandle: (args: Args) => {
      requireAccess(context, "read_products", "productByHandle");
      return productByHandle(context, args.handle);
    },
    productByIdentifier: (args: Args) => {
      requireAccess(context, "read_products", "productByIdentifier");
      const identifier = (args.identifier ?? {}) as { id?: string; handle?: string };
      if (identifier.id) return productNode(context, "productByIdentifier", identifier.id);
      return productByHandle(context, identifier.handle);
    },
    node: (args: Args) => productNode(context, "node", args.id),
    nodes: (args: Args) =>
      (Array.isArray(args.ids) ? args.ids : []).map((id) => productNode(context, "nodes", id)),
    currentAppInstallation: () => ({
      id: gid("AppInstallation", shop.id % 100_000_000),
      accessScopes: grant.scopes.map((handle) => ({ handle, description: handle })),
    }),
  };
}
