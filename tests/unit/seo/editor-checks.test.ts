import { describe, expect, it } from "vitest";

import { selectedProductIds } from "~/components/seo/selection";
import { checkSeoFields } from "~/services/seo/editor/seo-field-checks";

describe("checkSeoFields", () => {
  it("allows empty fields and text up to Shopify's counters, in characters", () => {
    expect(checkSeoFields({ title: "", description: "" })).toEqual({});
    expect(checkSeoFields({ title: "é".repeat(70), description: "🙂".repeat(320) })).toEqual({});
  });

  it("refuses longer text and angle brackets", () => {
    expect(checkSeoFields({ title: "x".repeat(71), description: "a <b>bold</b> claim" })).toEqual({
      title: "tooLong",
      description: "markup",
    });
  });
});

describe("selectedProductIds", () => {
  it("reads GIDs and numeric ids, dropping duplicates and anything else", () => {
    expect(
      selectedProductIds("1, gid://shopify/Product/2,1,gid://shopify/Collection/3,abc,"),
    ).toEqual(["gid://shopify/Product/1", "gid://shopify/Product/2"]);
    expect(selectedProductIds(null)).toEqual([]);
  });
});
