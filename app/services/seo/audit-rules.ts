import { hasText, textLength } from "./seo-text";

/** What the audit reads of a product: its SEO fields and its images' alt text. */
export interface AuditInput {
  seoTitle: string | null;
  seoDescription: string | null;
  featuredImageUrl: string | null;
  featuredImageAlt: string | null;
  imageCount: number;
  imagesWithoutAlt: number;
}

/** Catalog-wide facts a product's audit needs: whether another product shares its values. */
export interface AuditContext {
  duplicateTitle: boolean;
  duplicateDescription: boolean;
}

// Google shows about 60 characters of a title and 155-160 of a description; below these minimums
// the snippet wastes space that could carry keywords.
export const SEO_TITLE_LENGTH = { min: 30, max: 60 } as const;
export const SEO_DESCRIPTION_LENGTH = { min: 70, max: 160 } as const;

export type AuditField = "seoTitle" | "seoDescription" | "images";

export interface AuditRule {
  id: string;
  field: AuditField;
  /**
   * Points a failure takes off the product's score of 100. The rules of one field exclude each
   * other where they must (missing, too short, too long), and the missing rules plus missing alt
   * text add up to 100, so a product with nothing set scores 0 and missing is always the worst
   * outcome for a field.
   */
  weight: number;
  /** Values the locale strings of the rule show, such as a length limit. */
  params: Record<string, number>;
  fails(product: AuditInput, context: AuditContext): boolean;
}

function titleLength(product: AuditInput): number | null {
  return hasText(product.seoTitle) ? textLength(product.seoTitle) : null;
}

function descriptionLength(product: AuditInput): number | null {
  return hasText(product.seoDescription) ? textLength(product.seoDescription) : null;
}

/**
 * The audit, as data. Each rule's label, message and fix are the locale strings
 * `products.rules.<id>.label|message|fix`, filled with the rule's params.
 */
export const AUDIT_RULES = [
  {
    id: "seo-title-missing",
    field: "seoTitle",
    weight: 40,
    params: { ...SEO_TITLE_LENGTH },
    fails: (product) => titleLength(product) === null,
  },
  {
    id: "seo-title-too-short",
    field: "seoTitle",
    weight: 15,
    params: { min: SEO_TITLE_LENGTH.min },
    fails: (product) => (titleLength(product) ?? SEO_TITLE_LENGTH.min) < SEO_TITLE_LENGTH.min,
  },
  {
    id: "seo-title-too-long",
    field: "seoTitle",
    weight: 10,
    params: { max: SEO_TITLE_LENGTH.max },
    fails: (product) => (titleLength(product) ?? 0) > SEO_TITLE_LENGTH.max,
  },
  {
    id: "seo-title-duplicate",
    field: "seoTitle",
    weight: 20,
    params: {},
    fails: (product, context) => hasText(product.seoTitle) && context.duplicateTitle,
  },
  {
    id: "seo-description-missing",
    field: "seoDescription",
    weight: 40,
    params: { ...SEO_DESCRIPTION_LENGTH },
    fails: (product) => descriptionLength(product) === null,
  },
  {
    id: "seo-description-too-short",
    field: "seoDescription",
    weight: 15,
    params: { min: SEO_DESCRIPTION_LENGTH.min },
    fails: (product) =>
      (descriptionLength(product) ?? SEO_DESCRIPTION_LENGTH.min) < SEO_DESCRIPTION_LENGTH.min,
  },
  {
    id: "seo-description-too-long",
    field: "seoDescription",
    weight: 10,
    params: { max: SEO_DESCRIPTION_LENGTH.max },
    fails: (product) => (descriptionLength(product) ?? 0) > SEO_DESCRIPTION_LENGTH.max,
  },
  {
    id: "seo-description-duplicate",
    field: "seoDescription",
    weight: 20,
    params: {},
    fails: (product, context) => hasText(product.seoDescription) && context.duplicateDescription,
  },
  {
    id: "image-alt-missing",
    field: "images",
    weight: 20,
    params: {},
    fails: (product) =>
      product.imagesWithoutAlt > 0 ||
      (product.featuredImageUrl !== null && !hasText(product.featuredImageAlt)),
  },
] as const satisfies readonly AuditRule[];

export type AuditRuleId = (typeof AUDIT_RULES)[number]["id"];

export const AUDIT_RULE_IDS = AUDIT_RULES.map((rule) => rule.id) as [AuditRuleId, ...AuditRuleId[]];

const RULES_BY_ID = new Map<string, AuditRule>(AUDIT_RULES.map((rule) => [rule.id, rule]));

export function auditRule(id: string): AuditRule | undefined {
  return RULES_BY_ID.get(id);
}

export function isAuditRuleId(id: string): id is AuditRuleId {
  return RULES_BY_ID.has(id);
}
