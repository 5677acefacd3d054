import { describe, expect, it } from "vitest";

import { productEditorPath, templatesUrlFor } from "~/services/catalog/product-selection";
import { comparisonKey } from "~/services/seo/seo-text";

describe("comparisonKey", () => {
  it("makes values that differ only in case and spacing the same duplicate key", () => {
    expect(comparisonKey("  Waxed  Canvas TOTE ")).toBe(comparisonKey("waxed canvas tote"));
    expect(comparisonKey("Waxed canvas tote")).not.toBe(comparisonKey("Waxed canvas totes"));
  });

  it("gives no key to a value that is not set", () => {
    expect(comparisonKey(null)).toBeNull();
    expect(comparisonKey("   ")).toBeNull();
  });
});

describe("where the Products page sends the merchant", () => {
  it("hands a selection to the templates page as numeric ids in one parameter", () => {
    const url = new URL(templatesUrlFor(["101", "205"]), "https://app.example");

    expect(url.pathname).toBe("/app/templates");
    expect(url.searchParams.get("products")).toBe("101,205");
  });

  it("opens one product in the editor by its numeric id", () => {
    expect(productEditorPath("101")).toBe("/app/products/101");
  });
});
