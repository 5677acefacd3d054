import { describe, expect, it } from "vitest";

import { isUncertain, outcomeOfError } from "~/services/seo/bulk/item-outcome.server";
import { BatchCancelledError } from "~/services/shopify/batch.server";
import {
  AdminAbortedError,
  AdminApiError,
  AdminThrottledError,
  AdminTransportError,
  UserErrorsError,
} from "~/services/shopify/errors";

describe("a bulk run item's outcome from a failed update", () => {
  it("skips a product Shopify no longer has and goes on", () => {
    const gone = new UserErrorsError("ProductSeoUpdate", [
      { field: ["id"], message: "Product does not exist" },
    ]);
    expect(outcomeOfError(gone)).toEqual({
      status: "skipped",
      reason: "The product no longer exists in Shopify",
    });
  });

  it("fails an item on a field's user error, keeping Shopify's message and path", () => {
    const refused = new UserErrorsError("ProductSeoUpdate", [
      { field: ["product", "seo", "title"], message: "Title is too long" },
    ]);
    expect(outcomeOfError(refused)).toEqual({
      status: "failed",
      reason: "product.seo.title: Title is too long",
    });
    expect(outcomeOfError(new AdminApiError("ProductSeoUpdate", "bad field"))).toMatchObject({
      status: "failed",
    });
  });

  it("leaves an item whose update may or may not have landed to be checked again", () => {
    expect(isUncertain(new AdminTransportError("ProductSeoUpdate", 8, 503, true))).toBe(true);
    expect(isUncertain(new AdminThrottledError("ProductSeoUpdate", 8))).toBe(true);
    expect(isUncertain(new AdminAbortedError("ProductSeoUpdate"))).toBe(true);
    expect(isUncertain(new BatchCancelledError())).toBe(true);
    expect(isUncertain(new UserErrorsError("ProductSeoUpdate", []))).toBe(false);
  });
});
