import { describe, expect, it } from "vitest";

import { auditProduct, storeScore } from "~/services/seo/audit";
import {
  AUDIT_RULES,
  type AuditContext,
  type AuditField,
  type AuditInput,
  type AuditRuleId,
} from "~/services/seo/audit-rules";

const UNIQUE: AuditContext = { duplicateTitle: false, duplicateDescription: false };

/** A product that passes every rule: a 45-character title, a 110-character description. */
function product(overrides: Partial<AuditInput> = {}): AuditInput {
  return {
    seoTitle: "Waxed Canvas Tote | Harbor Goods | Free ship",
    seoDescription:
      "A waxed canvas tote with leather handles and a zip pocket, built to carry a laptop and a day's errands.",
    featuredImageUrl: "https://cdn.example/tote.jpg",
    featuredImageAlt: "Waxed canvas tote, front view",
    imageCount: 2,
    imagesWithoutAlt: 0,
    ...overrides,
  };
}

function failed(input: Partial<AuditInput>, context: AuditContext = UNIQUE) {
  return auditProduct(product(input), context).failed;
}

const text = (length: number) => "x".repeat(length);

/** Ways to break one field of the passing product, leaving everything else as it is. */
const FIELD_FAULTS: Record<
  AuditField,
  Array<{ input: Partial<AuditInput>; context?: Partial<AuditContext> }>
> = {
  seoTitle: [
    { input: { seoTitle: null } },
    { input: { seoTitle: text(5) } },
    { input: { seoTitle: text(61) } },
    { input: {}, context: { duplicateTitle: true } },
  ],
  seoDescription: [
    { input: { seoDescription: null } },
    { input: { seoDescription: text(5) } },
    { input: { seoDescription: text(161) } },
    { input: {}, context: { duplicateDescription: true } },
  ],
  images: [{ input: { featuredImageAlt: null } }, { input: { imagesWithoutAlt: 1 } }],
};

describe("audit rules", () => {
  it("passes a product that follows every rule with a score of 100", () => {
    expect(auditProduct(product(), UNIQUE)).toEqual({ failed: [], score: 100 });
  });

  it("reports a missing SEO title, and treats blank text as missing", () => {
    expect(failed({ seoTitle: null })).toEqual(["seo-title-missing"]);
    expect(failed({ seoTitle: "   " })).toEqual(["seo-title-missing"]);
  });

  it.each([
    [29, ["seo-title-too-short"]],
    [30, []],
    [60, []],
    [61, ["seo-title-too-long"]],
  ])("judges a %i-character SEO title", (length, rules) => {
    expect(failed({ seoTitle: text(length) })).toEqual(rules);
  });

  it("reports a missing meta description", () => {
    expect(failed({ seoDescription: null })).toEqual(["seo-description-missing"]);
    expect(failed({ seoDescription: "" })).toEqual(["seo-description-missing"]);
  });

  it.each([
    [69, ["seo-description-too-short"]],
    [70, []],
    [160, []],
    [161, ["seo-description-too-long"]],
  ])("judges a %i-character meta description", (length, rules) => {
    expect(failed({ seoDescription: text(length) })).toEqual(rules);
  });

  it("counts characters as a reader does: trimmed, an accent or emoji once", () => {
    expect(failed({ seoTitle: `  ${text(30)}  ` })).toEqual([]);
    expect(failed({ seoTitle: "é".repeat(60) })).toEqual([]);
    expect(failed({ seoTitle: "👜".repeat(30) })).toEqual([]);
  });

  it("reports duplicates only for values that are set", () => {
    const shared = { duplicateTitle: true, duplicateDescription: true };
    expect(failed({}, shared)).toEqual(["seo-title-duplicate", "seo-description-duplicate"]);
    expect(failed({ seoTitle: null, seoDescription: null }, shared)).toEqual([
      "seo-title-missing",
      "seo-description-missing",
    ]);
  });

  it("reports images without alt text, the featured one included", () => {
    expect(failed({ imagesWithoutAlt: 1 })).toEqual(["image-alt-missing"]);
    expect(failed({ featuredImageAlt: " " })).toEqual(["image-alt-missing"]);
    expect(failed({ featuredImageUrl: null, featuredImageAlt: null, imageCount: 0 })).toEqual([]);
  });
});

describe("product score", () => {
  it("takes each failed rule's weight off 100", () => {
    const weight = (id: string) => AUDIT_RULES.find((rule) => rule.id === id)?.weight ?? NaN;
    const result = auditProduct(product({ seoTitle: text(10), imagesWithoutAlt: 2 }), UNIQUE);

    expect(result.failed).toEqual(["seo-title-too-short", "image-alt-missing"]);
    expect(result.score).toBe(100 - weight("seo-title-too-short") - weight("image-alt-missing"));
  });

  it("scores a product with nothing set 0, and missing worse than any other title problem", () => {
    const empty = product({
      seoTitle: null,
      seoDescription: null,
      featuredImageAlt: null,
      imagesWithoutAlt: 1,
    });
    expect(auditProduct(empty, UNIQUE).score).toBe(0);

    const missing = auditProduct(product({ seoTitle: null }), UNIQUE).score;
    const shortAndShared = auditProduct(product({ seoTitle: text(5) }), {
      ...UNIQUE,
      duplicateTitle: true,
    }).score;
    expect(missing).toBeLessThan(shortAndShared);
  });

  it("gives every rule an id, a positive weight and a field", () => {
    const ids = AUDIT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of AUDIT_RULES) expect(rule.weight).toBeGreaterThan(0);

    // The editor shows an issue beside its rule's field: breaking that field alone must be what
    // makes the rule fail, and breaking any other field must not.
    const fieldsThatFail = (id: AuditRuleId) =>
      (Object.keys(FIELD_FAULTS) as AuditField[]).filter((field) =>
        FIELD_FAULTS[field].some(({ input, context }) =>
          failed(input, { ...UNIQUE, ...context }).includes(id),
        ),
      );
    const byRule = (fields: (rule: (typeof AUDIT_RULES)[number]) => AuditField[]) =>
      Object.fromEntries(AUDIT_RULES.map((rule) => [rule.id, fields(rule)]));
    expect(byRule((rule) => fieldsThatFail(rule.id))).toEqual(byRule((rule) => [rule.field]));
  });
});

describe("store score", () => {
  it("is the rounded mean of the product scores, and null without products", () => {
    expect(storeScore(72.5)).toBe(73);
    expect(storeScore(null)).toBeNull();
  });
});
