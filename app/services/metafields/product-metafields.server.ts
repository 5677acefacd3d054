import { changedMetafields, type MetafieldVersion } from "~/services/seo/editor/conflict";
import type { AdminClient } from "~/services/shopify/client.server";
import { UserErrorsError } from "~/services/shopify/errors";
import type { UserError } from "~/services/shopify/operation";
import { METAFIELDS_SET, METAFIELDS_SET_LIMIT } from "~/services/shopify/operations/metafields-set";
import { PRODUCT_DETAIL } from "~/services/shopify/operations/product-detail";

import {
  checkMetafieldValue,
  isEditableMetafieldType,
  METAFIELD_ISSUE_MESSAGES,
} from "./metafield-values";

export interface MetafieldInput {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

type SavedMetafield = { id: string; namespace: string; key: string; type: string; value: string };

export type SetMetafieldsResult =
  | { status: "saved"; metafields: SavedMetafield[] }
  | { status: "invalid"; userErrors: UserError[]; metafields: SavedMetafield[] }
  | { status: "conflict"; changed: MetafieldVersion[] }
  | { status: "notFound" };

/** A product's metafields, each marked editable when the app knows how to check its type. */
export async function listProductMetafields(client: AdminClient, productId: string) {
  const { product } = await client.execute(PRODUCT_DETAIL, { id: productId });
  if (!product) return null;
  return product.metafields.map((field) => ({
    ...field,
    editable: isEditableMetafieldType(field.type),
  }));
}

/**
 * Writes metafields of one product: values are checked by type first (nothing is sent if any is
 * wrong), then, unless told to overwrite, compared with the values the editor loaded, then sent
 * 25 at a time. Shopify's user errors come back with their field paths pointing into `metafields`.
 */
export async function setProductMetafields(
  client: AdminClient,
  input: { productId: string; metafields: MetafieldInput[]; loaded: MetafieldVersion[] | null },
): Promise<SetMetafieldsResult> {
  const checked = input.metafields.map((field) => ({
    field,
    check: checkMetafieldValue(field.type, field.value),
  }));
  const ownErrors = checked.flatMap(({ check }, index) =>
    check.ok
      ? []
      : [
          {
            field: ["metafields", String(index), "value"],
            message: `Value ${METAFIELD_ISSUE_MESSAGES[check.issue]}`,
          },
        ],
  );
  if (ownErrors.length > 0) return { status: "invalid", userErrors: ownErrors, metafields: [] };

  const { product } = await client.execute(PRODUCT_DETAIL, { id: input.productId });
  if (!product) return { status: "notFound" };
  if (input.loaded) {
    const changed = changedMetafields(input.loaded, product.metafields);
    if (changed.length > 0) return { status: "conflict", changed };
  }

  const saved: SavedMetafield[] = [];
  const userErrors: UserError[] = [];
  for (let start = 0; start < checked.length; start += METAFIELDS_SET_LIMIT) {
    const chunk = checked.slice(start, start + METAFIELDS_SET_LIMIT).map(({ field, check }) => ({
      ownerId: input.productId,
      namespace: field.namespace,
      key: field.key,
      type: field.type,
      value: check.ok ? check.value : field.value,
    }));
    try {
      const result = await client.execute(METAFIELDS_SET, { metafields: chunk });
      saved.push(...result.metafields);
    } catch (error) {
      if (!(error instanceof UserErrorsError)) throw error;
      userErrors.push(...error.userErrors.map((userError) => offsetIndex(userError, start)));
    }
  }
  return userErrors.length > 0
    ? { status: "invalid", userErrors, metafields: saved }
    : { status: "saved", metafields: saved };
}

/** Shopify numbers a user error's metafield within its call; make it the input's index. */
function offsetIndex(userError: UserError, offset: number): UserError {
  const [root, index, ...rest] = userError.field ?? [];
  if (root !== "metafields" || index === undefined || !/^\d+$/.test(index)) return userError;
  return { ...userError, field: [root, String(Number(index) + offset), ...rest] };
}
