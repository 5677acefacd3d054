import { SEO_DESCRIPTION_LENGTH, SEO_TITLE_LENGTH } from "./audit-rules";

/**
 * The longest SEO title and meta description the app sends: the lengths Shopify's admin counts
 * against on a product's search engine listing. Longer text is refused before it is sent.
 */
export const SEO_FIELD_LIMITS = { title: 70, description: 320 } as const;

/**
 * What search engines show (about 60 and 160 characters): the audit's "too long" thresholds,
 * the editor's counters and the length templates are cut to, so a template's output passes the
 * audit.
 */
export const SEO_RECOMMENDED_LENGTHS = {
  title: SEO_TITLE_LENGTH.max,
  description: SEO_DESCRIPTION_LENGTH.max,
} as const;

export type SeoField = keyof typeof SEO_FIELD_LIMITS;

export const SEO_FIELDS: readonly SeoField[] = ["title", "description"];
