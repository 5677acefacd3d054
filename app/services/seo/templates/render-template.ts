import { SEO_RECOMMENDED_LENGTHS, type SeoField } from "../seo-field-limits";

import { collapseWhitespace, plainFragment, toPlainText } from "./plain-text";
import { parseTemplate, type Placeholder, type TemplateIssue } from "./template-syntax";

export type PlaceholderValues = Record<Placeholder, string | null | undefined>;

export type RenderedField = {
  value: string;
  /** Set when the text was cut to fit the field's limit: how long it was before. */
  truncatedFrom: number | null;
  limit: number;
  /** Placeholders that had no value for this product and were left out. */
  emptyPlaceholders: Placeholder[];
};

export type RenderResult =
  { ok: true; field: RenderedField } | { ok: false; issues: TemplateIssue[] };

// Marks where an empty placeholder stood until the separators around it are tidied; control
// characters never survive toPlainText, so it cannot clash with real text.
const EMPTY = "\u0000";
const SEPARATOR = "[|\\-–—·•:,/]";

/**
 * Fills a template with one product's values and makes the result fit an SEO field: plain text
 * only, single spaces, no separator left hanging where a value was empty ("Shirt | {vendor}"
 * with no vendor gives "Shirt"), cut at a word boundary to the field's limit.
 */
export function renderTemplate(
  template: string,
  values: PlaceholderValues,
  field: SeoField,
): RenderResult {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };

  const emptyPlaceholders = new Set<Placeholder>();
  const joined = parsed.segments
    .map((segment) => {
      if (segment.kind === "text") return plainFragment(segment.text);
      const value = toPlainText(values[segment.name] ?? "");
      if (value === "") emptyPlaceholders.add(segment.name);
      return value === "" ? EMPTY : value;
    })
    .join("");

  const limit = SEO_RECOMMENDED_LENGTHS[field];
  const text = dropEmptyPlaceholders(joined);
  const value = truncateAtWord(text, limit);
  return {
    ok: true,
    field: {
      value,
      truncatedFrom: value === text ? null : [...text].length,
      limit,
      emptyPlaceholders: [...emptyPlaceholders],
    },
  };
}

function dropEmptyPlaceholders(text: string): string {
  const around = new RegExp(`${SEPARATOR}\\s*${EMPTY}(\\s*${SEPARATOR})`, "g");
  const leading = new RegExp(`^\\s*${EMPTY}\\s*${SEPARATOR}?`);
  const trailing = new RegExp(`${SEPARATOR}?\\s*${EMPTY}\\s*$`);
  const bracketed = new RegExp(`[(\\[]\\s*${EMPTY}\\s*[)\\]]`, "g");

  let result = text;
  for (;;) {
    const next = result
      .replace(bracketed, EMPTY)
      .replace(around, "$1")
      .replace(leading, "")
      .replace(trailing, "");
    if (next === result) break;
    result = next;
  }
  return collapseWhitespace(result.replaceAll(EMPTY, " "));
}

/**
 * Cuts to at most `limit` characters, at the last space when one falls in the last third, and
 * never ends on a separator or a comma.
 */
export function truncateAtWord(text: string, limit: number): string {
  // Code points, as the audit counts them: an emoji or accented letter is one character.
  const characters = [...text];
  if (characters.length <= limit) return text;
  const hardCut = characters.slice(0, limit);
  const lastSpace = characters.slice(0, limit + 1).lastIndexOf(" ");
  const cut = (
    lastSpace >= Math.floor((limit * 2) / 3) ? characters.slice(0, lastSpace) : hardCut
  ).join("");
  return cut.replace(new RegExp(`[\\s,;${SEPARATOR.slice(1, -1)}]+$`), "");
}
