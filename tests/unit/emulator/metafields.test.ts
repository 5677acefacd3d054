import { describe, expect, it } from "vitest";

import { setMetafields } from "../../../emulator/shopify/catalog/metafields";
import { metafieldTypeCheck } from "../../../emulator/shopify/catalog/metafield-values";
import { createShop } from "../../../emulator/shopify/shops";

const NOW = Date.UTC(2026, 5, 1);
const OWNER = "gid://shopify/Product/1";

function shop() {
  return createShop(
    { domain: "metafields.myshopify.com", products: 2 },
    { bucket: { size: 2000, restoreRate: 100 }, now: NOW },
  );
}

describe("metafield values", () => {
  it.each([
    ["number_integer", "42", null],
    ["number_integer", "4.2", "Value must be an integer."],
    ["boolean", "yes", "Value must be true or false."],
    ["single_line_text_field", "one\ntwo", "Value must be a single line text string."],
    ["json", "{", "Value is invalid JSON."],
    ["list.number_integer", "[1, 2]", null],
    ["list.number_integer", '["a"]', "Value must be an integer."],
    ["url", "javascript:alert(1)", "Value must be a valid URL."],
  ])("%s %j", (type, value, problem) => {
    expect(metafieldTypeCheck(type)?.(value)).toBe(problem);
  });

  it("knows no type called text", () => {
    expect(metafieldTypeCheck("text")).toBeNull();
  });
});

describe("setMetafields", () => {
  it("writes nothing when one input is refused, and points at that input", () => {
    const store = shop();

    const result = setMetafields(
      store,
      [
        { ownerId: OWNER, namespace: "seo", key: "score", type: "number_integer", value: "9" },
        { ownerId: OWNER, namespace: "seo", key: "flag", type: "boolean", value: "maybe" },
        { ownerId: "gid://shopify/Product/99", namespace: "seo", key: "x1", value: "1" },
      ],
      NOW,
      ["metafields"],
    );

    expect(result.userErrors).toEqual([
      {
        field: ["metafields", "1", "value"],
        message: "Value must be true or false.",
        code: "INVALID_VALUE",
        elementIndex: 1,
      },
      {
        field: ["metafields", "2", "ownerId"],
        message: "Owner does not exist.",
        code: "INVALID",
        elementIndex: 2,
      },
    ]);
    expect(store.metafields.size).toBe(0);
  });

  it("creates, then updates in place, keeping the type when none is given", () => {
    const store = shop();
    const input = { ownerId: OWNER, namespace: "seo", key: "score", value: "9" };

    setMetafields(store, [{ ...input, type: "number_integer" }], NOW, ["metafields"]);
    const second = setMetafields(store, [{ ...input, value: "10" }], NOW + 1000, ["metafields"]);

    expect(second.metafields).toEqual([
      expect.objectContaining({ id: 1, type: "number_integer", value: "10" }),
    ]);
    expect(store.metafields.get(1)).toHaveLength(1);
    expect(store.stats.metafieldWrites.get(1)).toBe(2);
  });

  it("asks for a type when the metafield is new", () => {
    const result = setMetafields(
      shop(),
      [{ ownerId: OWNER, namespace: "seo", key: "score", value: "9" }],
      NOW,
      ["metafields"],
    );

    expect(result.userErrors[0]).toMatchObject({
      code: "BLANK",
      field: ["metafields", "0", "type"],
    });
  });
});
