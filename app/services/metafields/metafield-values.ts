/**
 * Checks a metafield value against its type the way Shopify does, before it is sent: the page
 * shows the problem next to the field as the merchant types, and the server refuses the same
 * values so nothing invalid reaches Shopify. Types not listed are shown read-only.
 */
export const EDITABLE_METAFIELD_TYPES = [
  "single_line_text_field",
  "multi_line_text_field",
  "number_integer",
  "number_decimal",
  "boolean",
  "url",
  "json",
  "date",
  "date_time",
  "color",
] as const;

export type EditableMetafieldType = (typeof EDITABLE_METAFIELD_TYPES)[number];

export type MetafieldValueIssue =
  | "blank"
  | "lineBreak"
  | "integer"
  | "integerRange"
  | "decimal"
  | "decimalRange"
  | "boolean"
  | "url"
  | "json"
  | "date"
  | "dateTime"
  | "color"
  | "readOnly";

export type MetafieldCheck =
  { ok: true; value: string } | { ok: false; issue: MetafieldValueIssue };

// Shopify's documented ranges for number metafields.
const INTEGER_LIMIT = 9_007_199_254_740_991n;
const DECIMAL_INTEGER_DIGITS = 13;
const DECIMAL_FRACTION_DIGITS = 9;
const URL_SCHEMES = new Set(["http:", "https:", "mailto:", "sms:", "tel:"]);

export function isEditableMetafieldType(type: string): type is EditableMetafieldType {
  return (EDITABLE_METAFIELD_TYPES as readonly string[]).includes(type);
}

const CHECKS: Record<EditableMetafieldType, (value: string) => MetafieldCheck> = {
  single_line_text_field: (value) =>
    /[\r\n]/.test(value) ? fail("lineBreak") : { ok: true, value },
  multi_line_text_field: (value) => ({ ok: true, value }),
  number_integer: (raw) => {
    const value = raw.trim();
    if (!/^[-+]?\d+$/.test(value)) return fail("integer");
    const number = BigInt(value);
    if (number > INTEGER_LIMIT || number < -INTEGER_LIMIT) return fail("integerRange");
    return { ok: true, value: number.toString() };
  },
  number_decimal: (raw) => {
    const value = raw.trim();
    const match = /^([-+])?(\d+)(?:\.(\d+))?$/.exec(value);
    if (!match) return fail("decimal");
    const [, sign = "", whole = "", fraction = ""] = match;
    const digits = whole.replace(/^0+(?=\d)/, "");
    if (digits.length > DECIMAL_INTEGER_DIGITS || fraction.length > DECIMAL_FRACTION_DIGITS) {
      return fail("decimalRange");
    }
    const normalized = `${sign === "-" ? "-" : ""}${digits}${fraction ? `.${fraction}` : ""}`;
    return { ok: true, value: normalized };
  },
  boolean: (raw) => {
    const value = raw.trim().toLowerCase();
    return value === "true" || value === "false" ? { ok: true, value } : fail("boolean");
  },
  url: (raw) => {
    const value = raw.trim();
    if (!URL.canParse(value)) return fail("url");
    return URL_SCHEMES.has(new URL(value).protocol) ? { ok: true, value } : fail("url");
  },
  json: (value) => {
    try {
      JSON.parse(value);
      return { ok: true, value };
    } catch {
      return fail("json");
    }
  },
  date: (raw) => {
    const value = raw.trim();
    return isCalendarDate(value) ? { ok: true, value } : fail("date");
  },
  date_time: (raw) => {
    const value = raw.trim();
    const match = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(
      value,
    );
    if (!match?.[1] || !isCalendarDate(match[1]) || Number.isNaN(Date.parse(value))) {
      return fail("dateTime");
    }
    return { ok: true, value };
  },
  color: (raw) => {
    const value = raw.trim();
    return /^#[0-9a-f]{6}$/i.test(value) ? { ok: true, value: value.toLowerCase() } : fail("color");
  },
};

/** The value as it should be sent (trimmed or normalized where the type allows), or why not. */
export function checkMetafieldValue(type: string, value: string): MetafieldCheck {
  if (!isEditableMetafieldType(type)) return fail("readOnly");
  if (value.trim() === "") return fail("blank");
  return CHECKS[type](value);
}

function fail(issue: MetafieldValueIssue): MetafieldCheck {
  return { ok: false, issue };
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** English descriptions of the issues, for API error messages; the page has its own strings. */
export const METAFIELD_ISSUE_MESSAGES: Record<MetafieldValueIssue, string> = {
  blank: "can't be blank",
  lineBreak: "must be a single line",
  integer: "must be a whole number",
  integerRange: "is outside the range of whole numbers Shopify accepts",
  decimal: "must be a number, with a dot before any decimals",
  decimalRange: "must have at most 13 digits before the dot and 9 after it",
  boolean: 'must be "true" or "false"',
  url: "must be a full http, https, mailto, sms or tel address",
  json: "must be valid JSON",
  date: "must be a date written YYYY-MM-DD",
  dateTime: "must be a date and time written YYYY-MM-DDTHH:MM:SS",
  color: "must be a hex color such as #1a2b3c",
  readOnly: "has a type this app does not edit",
};
