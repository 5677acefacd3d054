import { GraphQLError } from "graphql";
import { METAFIELDS_SET_LIMIT, setMetafields, type MetafieldInput } from "../../catalog/metafields";
import {
  createProduct,
  updateProduct,
  type ProductChange,
  type ProductInput,
} from "../../catalog/product-changes";
import { requireAccess } from "./access";
import type { Args, ResolverContext, View } from "./context";
import { metafieldView } from "./metafield";
import { productView } from "./product";
import { shopView } from "./shop";

function notEmulatedArgument(field: string, argument: string): GraphQLError {
  return new GraphQLError(`${field}(${argument}:) is not emulated; use product:`, {
    extensions: { code: "NOT_EMULATED" },
  });
}

/** Shopify's answer when a list argument is longer than the mutation accepts. */
function inputTooLarge(size: number, limit: number): GraphQLError {
  return new GraphQLError(
    `The input array size of ${size} is greater than the maximum allowed of ${limit}.`,
    { extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" } },
  );
}

function productPayload(context: ResolverContext, change: ProductChange): View {
  return {
    product: change.product && productView(context, change.product),
    userErrors: change.userErrors,
  };
}

/** The MutationRoot fields the emulator answers. */
export function mutationRoot(context: ResolverContext): View {
  const { shop } = context;

  return {
    productUpdate: (args: Args) => {
      requireAccess(context, "write_products", "productUpdate");
      if (args.input || args.identifier || args.media) {
        throw notEmulatedArgument("productUpdate", args.input ? "input" : "identifier");
      }
      const change = updateProduct(shop, (args.product ?? {}) as ProductInput, context.now);
      if (change.product) context.emit({ topic: "products/update", product: change.product });
      return productPayload(context, change);
    },
    productCreate: (args: Args) => {
      requireAccess(context, "write_products", "productCreate");
      if (args.input || args.media) throw notEmulatedArgument("productCreate", "input");
      const change = createProduct(shop, (args.product ?? {}) as ProductInput, context.now);
      if (change.product) context.emit({ topic: "products/create", product: change.product });
      return { ...productPayload(context, change), shop: shopView(context) };
    },
    metafieldsSet: (args: Args) => {
      requireAccess(context, "write_products", "metafieldsSet");
      const inputs = (Array.isArray(args.metafields) ? args.metafields : []) as MetafieldInput[];
      if (inputs.length > METAFIELDS_SET_LIMIT) {
        throw inputTooLarge(inputs.length, METAFIELDS_SET_LIMIT);
      }
      const result = setMetafields(shop, inputs, context.now, ["metafields"]);
      return {
        metafields:
          result.userErrors.length > 0
            ? null
            : result.metafields.map((metafield) => {
                const product = shop.productsById.get(metafield.productId);
                const owner = () => (product ? productView(context, product) : null);
                return metafieldView(owner as () => View, metafield);
              }),
        userErrors: result.userErrors,
      };
    },
  };
}
