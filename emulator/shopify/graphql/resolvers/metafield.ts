import type { ProductRecord } from "../../../fixtures/products";
import { compareDigest, type MetafieldRecord } from "../../catalog/metafields";
import { paginateList, type PageArgs } from "../connection";
import type { Args, ResolverContext, View } from "./context";
import { gid } from "./global-id";

function jsonValue(metafield: MetafieldRecord): unknown {
  const { type, value } = metafield;
  if (type === "json" || type.startsWith("list.") || type === "rich_text_field") {
    return JSON.parse(value) as unknown;
  }
  if (type === "number_integer" || type === "number_decimal") return Number(value);
  if (type === "boolean") return value === "true";
  return value;
}

export function metafieldView(owner: () => View, metafield: MetafieldRecord): View {
  return {
    __typename: "Metafield",
    id: gid("Metafield", metafield.id),
    legacyResourceId: String(metafield.id),
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue: jsonValue(metafield),
    compareDigest: compareDigest(metafield.value),
    description: null,
    ownerType: "PRODUCT",
    owner,
    createdAt: metafield.createdAt,
    updatedAt: metafield.updatedAt,
  };
}

type MetafieldsArgs = PageArgs & { namespace?: string | null; keys?: string[] | null };

/** Product.metafields and Product.metafield over the product's stored metafields. */
export function productMetafieldFields(
  context: ResolverContext,
  product: ProductRecord,
  owner: () => View,
): View {
  const stored = () => context.shop.metafields.get(product.id) ?? [];
  return {
    metafields: (args: MetafieldsArgs) => {
      const wanted = stored().filter(
        (metafield) =>
          (!args.namespace || metafield.namespace === args.namespace) &&
          (!args.keys || args.keys.includes(`${metafield.namespace}.${metafield.key}`)),
      );
      return paginateList(wanted, args, (metafield) => metafieldView(owner, metafield));
    },
    metafield: (args: Args) => {
      const namespace = typeof args.namespace === "string" ? args.namespace : null;
      const found = stored().find(
        (metafield) =>
          metafield.key === args.key && (namespace === null || metafield.namespace === namespace),
      );
      return found ? metafieldView(owner, found) : null;
    },
  };
}
