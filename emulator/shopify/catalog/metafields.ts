/**
 * Product metafields and metafieldsSet's rules: at most 25 per call, all or nothing, each
 * input checked for owner, namespace, key, type and value, errors pointing at their element.
 */
import { createHash } from "node:crypto";
import type { ShopRecord } from "../shops";
import { metafieldTypeCheck } from "./metafield-values";

export const METAFIELDS_SET_LIMIT = 25;

/** Where metafields land when the input names no namespace (Shopify's app-reserved one). */
export const APP_NAMESPACE = "app--emulated";

export type MetafieldRecord = {
  id: number;
  productId: number;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
};

export type MetafieldInput = {
  ownerId?: unknown;
  namespace?: string | null;
  key?: string | null;
  type?: string | null;
  value?: string | null;
  compareDigest?: string | null;
};

export type MetafieldsSetUserError = {
  field: string[];
  message: string;
  code: string;
  elementIndex: number | null;
};

const KEY_CHARACTERS = /^[A-Za-z0-9_-]+$/;
const PRODUCT_GID = /^gid:\/\/shopify\/Product\/(\d+)$/;

export function compareDigest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function productIdOf(ownerId: unknown): number | null {
  const match = typeof ownerId === "string" ? PRODUCT_GID.exec(ownerId) : null;
  return match?.[1] ? Number(match[1]) : null;
}

export function findMetafield(
  shop: ShopRecord,
  productId: number,
  namespace: string,
  key: string,
): MetafieldRecord | undefined {
  return shop.metafields
    .get(productId)
    ?.find((metafield) => metafield.namespace === namespace && metafield.key === key);
}

type Checked = { productId: number; namespace: string; key: string; type: string; value: string };

function lengthError(
  what: "Namespace" | "Key",
  text: string,
  min: number,
  max: number,
  field: string[],
  index: number,
): MetafieldsSetUserError | null {
  if (text.length < min) {
    return {
      field,
      message: `${what} is too short (minimum is ${min} characters)`,
      code: "TOO_SHORT",
      elementIndex: index,
    };
  }
  if (text.length > max) {
    return {
      field,
      message: `${what} is too long (maximum is ${max} characters)`,
      code: "TOO_LONG",
      elementIndex: index,
    };
  }
  return null;
}

function checkInput(
  shop: ShopRecord,
  input: MetafieldInput,
  index: number,
  path: string[],
): Checked | MetafieldsSetUserError {
  const at = (name: string) => [...path, String(index), name];
  const fail = (name: string, message: string, code: string): MetafieldsSetUserError => ({
    field: at(name),
    message,
    code,
    elementIndex: index,
  });

  const productId = productIdOf(input.ownerId);
  if (productId === null || !shop.productsById.has(productId)) {
    return fail("ownerId", "Owner does not exist.", "INVALID");
  }
  const namespace = input.namespace ?? APP_NAMESPACE;
  const key = input.key ?? "";
  const namespaceProblem = lengthError("Namespace", namespace, 3, 255, at("namespace"), index);
  if (namespaceProblem) return namespaceProblem;
  if (!key) return fail("key", "Key can't be blank.", "BLANK");
  const keyProblem = lengthError("Key", key, 2, 64, at("key"), index);
  if (keyProblem) return keyProblem;
  if (!KEY_CHARACTERS.test(key)) {
    return fail("key", "Key contains one or more invalid characters.", "INVALID");
  }

  const existing = findMetafield(shop, productId, namespace, key);
  if (input.compareDigest !== undefined) {
    const current = existing ? compareDigest(existing.value) : null;
    if (input.compareDigest !== current) {
      return fail(
        "compareDigest",
        "The resource has been updated since it was loaded. " +
          "Try again with an updated `compareDigest` value.",
        "STALE_OBJECT",
      );
    }
  }
  const type = input.type ?? existing?.type;
  if (!type) return fail("type", "Type can't be blank.", "BLANK");
  const check = metafieldTypeCheck(type);
  if (!check) return fail("type", `Type '${type}' is not a valid metafield type.`, "INVALID_TYPE");

  const value = input.value ?? "";
  if (value.trim() === "") return fail("value", "Value can't be blank.", "BLANK");
  const problem = check(value);
  if (problem) return fail("value", problem, "INVALID_VALUE");
  return { productId, namespace, key, type, value };
}

/**
 * Checks every input first and writes nothing if any fails, as Shopify's metafieldsSet does.
 * `path` is where the list sits in the mutation's input, e.g. ["metafields"].
 */
export function setMetafields(
  shop: ShopRecord,
  inputs: MetafieldInput[],
  now: number,
  path: string[],
): { metafields: MetafieldRecord[]; userErrors: MetafieldsSetUserError[] } {
  const checked: Checked[] = [];
  const userErrors: MetafieldsSetUserError[] = [];
  inputs.forEach((input, index) => {
    const result = checkInput(shop, input, index, path);
    if ("code" in result) userErrors.push(result);
    else checked.push(result);
  });
  if (userErrors.length > 0) return { metafields: [], userErrors };

  const time = new Date(now).toISOString();
  const metafields = checked.map((input) => {
    const existing = findMetafield(shop, input.productId, input.namespace, input.key);
    if (existing) {
      Object.assign(existing, { type: input.type, value: input.value, updatedAt: time });
      return existing;
    }
    const created: MetafieldRecord = {
      id: shop.counters.nextMetafieldId++,
      ...input,
      createdAt: time,
      updatedAt: time,
    };
    const list = shop.metafields.get(input.productId) ?? [];
    list.push(created);
    shop.metafields.set(input.productId, list);
    return created;
  });
  for (const metafield of metafields) {
    shop.stats.metafieldWrites.set(
      metafield.productId,
      (shop.stats.metafieldWrites.get(metafield.productId) ?? 0) + 1,
    );
  }
  return { metafields, userErrors: [] };
}
