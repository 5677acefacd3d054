import { describe, expect, it } from "vitest";

import { checkMetafieldValue } from "~/services/metafields/metafield-values";

function accepted(type: string, value: string) {
  const check = checkMetafieldValue(type, value);
  return check.ok ? check.value : `rejected: ${check.issue}`;
}

describe("checkMetafieldValue", () => {
  it("refuses a blank value of any type", () => {
    for (const type of ["single_line_text_field", "number_integer", "json", "boolean"]) {
      expect(checkMetafieldValue(type, "  ")).toEqual({ ok: false, issue: "blank" });
    }
  });

  it("keeps single-line text on one line and multi-line text as written", () => {
    expect(accepted("single_line_text_field", " Linen ")).toBe(" Linen ");
    expect(accepted("single_line_text_field", "two\nlines")).toBe("rejected: lineBreak");
    expect(accepted("multi_line_text_field", "two\nlines")).toBe("two\nlines");
  });

  it("accepts whole numbers within Shopify's range", () => {
    expect(accepted("number_integer", " 42 ")).toBe("42");
    expect(accepted("number_integer", "-7")).toBe("-7");
    expect(accepted("number_integer", "9007199254740991")).toBe("9007199254740991");
    expect(accepted("number_integer", "9007199254740992")).toBe("rejected: integerRange");
    expect(accepted("number_integer", "4.5")).toBe("rejected: integer");
    expect(accepted("number_integer", "12abc")).toBe("rejected: integer");
  });

  it("accepts decimals with a dot and at most 13 + 9 digits", () => {
    expect(accepted("number_decimal", "19.99")).toBe("19.99");
    expect(accepted("number_decimal", "+007.5")).toBe("7.5");
    expect(accepted("number_decimal", "1,5")).toBe("rejected: decimal");
    expect(accepted("number_decimal", "1.1234567891")).toBe("rejected: decimalRange");
    expect(accepted("number_decimal", "12345678901234")).toBe("rejected: decimalRange");
  });

  it("accepts true and false only for booleans", () => {
    expect(accepted("boolean", "TRUE")).toBe("true");
    expect(accepted("boolean", "false")).toBe("false");
    expect(accepted("boolean", "yes")).toBe("rejected: boolean");
  });

  it("accepts absolute URLs with the schemes Shopify allows", () => {
    expect(accepted("url", "https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(accepted("url", "mailto:team@example.com")).toBe("mailto:team@example.com");
    expect(accepted("url", "javascript:alert(1)")).toBe("rejected: url");
    expect(accepted("url", "/relative/path")).toBe("rejected: url");
  });

  it("accepts valid JSON only", () => {
    expect(accepted("json", '{"a":[1,2]}')).toBe('{"a":[1,2]}');
    expect(accepted("json", "{a:1}")).toBe("rejected: json");
  });

  it("accepts real calendar dates and date-times", () => {
    expect(accepted("date", "2026-02-28")).toBe("2026-02-28");
    expect(accepted("date", "2026-02-30")).toBe("rejected: date");
    expect(accepted("date", "28/02/2026")).toBe("rejected: date");
    expect(accepted("date_time", "2026-02-28T10:30:00Z")).toBe("2026-02-28T10:30:00Z");
    expect(accepted("date_time", "2026-02-28 10:30")).toBe("rejected: dateTime");
  });

  it("accepts six-digit hex colors", () => {
    expect(accepted("color", "#1A2B3C")).toBe("#1a2b3c");
    expect(accepted("color", "#fff")).toBe("rejected: color");
    expect(accepted("color", "red")).toBe("rejected: color");
  });

  it("treats other types as read-only", () => {
    expect(accepted("list.product_reference", "[]")).toBe("rejected: readOnly");
    expect(accepted("rating", '{"value":"4"}')).toBe("rejected: readOnly");
  });
});
