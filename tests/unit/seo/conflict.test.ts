import { describe, expect, it } from "vitest";

import { changedMetafields, detectSeoConflict } from "~/services/seo/editor/conflict";

const LOADED = {
  updatedAt: "2026-03-01T10:00:00Z",
  seo: { title: "Linen Shirt | Acme", description: null },
};

describe("detectSeoConflict", () => {
  it("finds none when Shopify's updatedAt is the one the editor loaded", () => {
    expect(detectSeoConflict(LOADED, { ...LOADED, updatedAt: "2026-03-01T10:00:00.000Z" })).toEqual(
      {
        conflict: false,
      },
    );
  });

  it("reports a newer version and names the SEO fields that changed", () => {
    const current = {
      updatedAt: "2026-03-01T10:05:00Z",
      seo: { title: "Linen Shirt", description: "" },
    };

    expect(detectSeoConflict(LOADED, current)).toEqual({
      conflict: true,
      changedFields: ["title"],
      current,
    });
  });

  it("reports a change to other fields too, with no SEO field named", () => {
    const current = { ...LOADED, updatedAt: "2026-03-02T08:00:00Z" };
    expect(detectSeoConflict(LOADED, current)).toMatchObject({ conflict: true, changedFields: [] });
  });
});

describe("changedMetafields", () => {
  it("lists the metafields whose value moved since they were loaded, created or deleted", () => {
    const loaded = [
      { namespace: "custom", key: "material", value: "linen" },
      { namespace: "custom", key: "care", value: "wash cold" },
      { namespace: "custom", key: "fit", value: null },
    ];
    const current = [
      { namespace: "custom", key: "material", value: "linen" },
      { namespace: "custom", key: "fit", value: "slim" },
    ];

    expect(changedMetafields(loaded, current)).toEqual([
      { namespace: "custom", key: "care", value: null },
      { namespace: "custom", key: "fit", value: "slim" },
    ]);
  });
});
