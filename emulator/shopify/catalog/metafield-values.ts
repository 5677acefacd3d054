/**
 * Value checks for the metafield types the emulator knows, with Shopify's wording. Types the
 * Admin API has but the emulator does not check (references, measurements) are stored as sent.
 */

type Check = (value: string) => string | null;

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return ["http:", "https:", "mailto:", "sms:", "tel:"].includes(url.protocol);
  } catch {
    return false;
  }
}

function isDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

const CHECKS: Record<string, Check> = {
  single_line_text_field: (value) =>
    /[\r\n]/.test(value) ? "Value must be a single line text string." : null,
  multi_line_text_field: () => null,
  rich_text_field: (value) => (isJson(value) ? null : "Value must be valid rich text JSON."),
  number_integer: (value) => (INTEGER.test(value) ? null : "Value must be an integer."),
  number_decimal: (value) => (DECIMAL.test(value) ? null : "Value must be a decimal."),
  boolean: (value) =>
    value === "true" || value === "false" ? null : "Value must be true or false.",
  json: (value) => (isJson(value) ? null : "Value is invalid JSON."),
  url: (value) => (isUrl(value) ? null : "Value must be a valid URL."),
  date: (value) => (isDate(value) ? null : "Value must be in YYYY-MM-DD format."),
  date_time: (value) =>
    Number.isNaN(Date.parse(value)) ? "Value must be in ISO 8601 date and time format." : null,
  color: (value) => (COLOR.test(value) ? null : "Value must be a hex color code."),
};

const STORED_AS_SENT = new Set([
  "collection_reference",
  "file_reference",
  "metaobject_reference",
  "mixed_reference",
  "page_reference",
  "product_reference",
  "variant_reference",
  "customer_reference",
  "company_reference",
  "dimension",
  "volume",
  "weight",
  "money",
  "rating",
  "link",
  "id",
]);

function listCheck(itemType: string): Check | null {
  const item = CHECKS[itemType];
  if (!item && !STORED_AS_SENT.has(itemType)) return null;
  return (value) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return "Value is invalid JSON.";
    }
    if (!Array.isArray(parsed)) return "Value must be an array.";
    if (!item) return null;
    for (const entry of parsed) {
      const problem = item(typeof entry === "string" ? entry : JSON.stringify(entry));
      if (problem) return problem;
    }
    return null;
  };
}

/** The check for a type, or null when the type does not exist. */
export function metafieldTypeCheck(type: string): Check | null {
  if (type.startsWith("list.")) return listCheck(type.slice("list.".length));
  if (CHECKS[type]) return CHECKS[type];
  return STORED_AS_SENT.has(type) ? () => null : null;
}
