import { textLength } from "../seo-text";
import { SEO_FIELD_LIMITS, SEO_FIELDS, type SeoField } from "../seo-field-limits";

export type SeoFieldIssue = "tooLong" | "markup";

/**
 * The app's own checks of a merchant's SEO text, before anything is sent: the page runs them
 * as the merchant types and the server runs them again. Empty is allowed: Shopify then uses
 * the product's title and description.
 */
export function checkSeoField(field: SeoField, value: string): SeoFieldIssue | null {
  if (textLength(value) > SEO_FIELD_LIMITS[field]) return "tooLong";
  // Themes print these fields into <title> and meta tags, often without escaping them.
  if (/[<>]/.test(value)) return "markup";
  return null;
}

export function checkSeoFields(
  seo: Record<SeoField, string>,
): Partial<Record<SeoField, SeoFieldIssue>> {
  const issues: Partial<Record<SeoField, SeoFieldIssue>> = {};
  for (const field of SEO_FIELDS) {
    const issue = checkSeoField(field, seo[field]);
    if (issue) issues[field] = issue;
  }
  return issues;
}

export const SEO_FIELD_ISSUE_MESSAGES: Record<SeoFieldIssue, (field: SeoField) => string> = {
  tooLong: (field) => `must be at most ${SEO_FIELD_LIMITS[field]} characters`,
  markup: () => "must not contain < or >",
};
