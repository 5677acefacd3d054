import { describe, expect, it } from "vitest";

import { renderTemplate, truncateAtWord } from "~/services/seo/templates/render-template";
import {
  describeTemplateIssue,
  parseTemplate,
  type Placeholder,
} from "~/services/seo/templates/template-syntax";

const SHIRT: Record<Placeholder, string | null> = {
  product_title: "Linen Shirt",
  vendor: "Acme",
  product_type: "Shirts",
  shop_name: "Alpha Outfitters",
  price: "$25.00",
};

function render(template: string, values = SHIRT, field: "title" | "description" = "title") {
  const result = renderTemplate(template, values, field);
  if (!result.ok) throw new Error(result.issues.map(describeTemplateIssue).join("; "));
  return result.field;
}

describe("parseTemplate", () => {
  it("accepts every placeholder and literal braces", () => {
    const parsed = parseTemplate(
      "{{{product_title}}} by {vendor} ({product_type}) {shop_name} {price}",
    );
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.placeholders).toEqual([
      "product_title",
      "vendor",
      "product_type",
      "shop_name",
      "price",
    ]);
  });

  it("names each unknown placeholder with its position, counting from 1", () => {
    const parsed = parseTemplate("Buy {product_titel} from {brand}");

    expect(parsed).toEqual({
      ok: false,
      issues: [
        {
          code: "unknownPlaceholder",
          name: "product_titel",
          position: 5,
          suggestion: "product_title",
        },
        { code: "unknownPlaceholder", name: "brand", position: 26, suggestion: null },
      ],
    });
    const messages = parsed.ok ? [] : parsed.issues.map(describeTemplateIssue);
    expect(messages).toEqual([
      "unknown placeholder {product_titel} at character 5; did you mean {product_title}?",
      "unknown placeholder {brand} at character 26",
    ]);
  });

  it("treats placeholder names as case-sensitive but suggests the right spelling", () => {
    const parsed = parseTemplate("{Vendor}");
    expect(parsed.ok ? null : parsed.issues).toEqual([
      { code: "unknownPlaceholder", name: "Vendor", position: 1, suggestion: "vendor" },
    ]);
  });

  it("reports an unclosed brace and an empty placeholder", () => {
    expect(parseTemplate("{vendor").ok).toBe(false);
    expect(parseTemplate("Sale { {vendor}")).toEqual({
      ok: false,
      issues: [{ code: "unclosedBrace", position: 6 }],
    });
    expect(parseTemplate("a {} b")).toMatchObject({
      ok: false,
      issues: [{ code: "unknownPlaceholder", name: "", position: 3 }],
    });
  });
});

describe("renderTemplate", () => {
  it("fills placeholders and keeps literal braces", () => {
    expect(render("{product_title} | {vendor} {{new}}").value).toBe("Linen Shirt | Acme {new}");
  });

  it("keeps markup out of SEO fields, from the template and from product data", () => {
    const values = {
      ...SHIRT,
      product_title: 'Shirt <script>alert("x")</script>',
      vendor: "&lt;b&gt;Acme&lt;/b&gt; &amp; Co",
    };

    const field = render("<b>{product_title}</b> by {vendor} <img src=x onerror=alert(1)", values);

    expect(field.value).toBe('Shirt alert("x") by Acme & Co');
    expect(field.value).not.toMatch(/[<>]/);
  });

  it("trims and collapses whitespace, including line breaks in values", () => {
    const values = { ...SHIRT, product_title: "  Linen\n\tShirt  " };
    expect(render("  {product_title}   -   {vendor}  ", values).value).toBe("Linen Shirt - Acme");
  });

  it("drops empty values with the separator they leave hanging, and says which", () => {
    const noVendor = { ...SHIRT, vendor: "", product_type: null };

    expect(render("{product_title} | {vendor}", noVendor).value).toBe("Linen Shirt");
    expect(render("{vendor} - {product_title}", noVendor).value).toBe("Linen Shirt");
    expect(render("{product_title} | {vendor} | {shop_name}", noVendor).value).toBe(
      "Linen Shirt | Alpha Outfitters",
    );
    expect(render("{product_title} ({product_type})", noVendor).value).toBe("Linen Shirt");
    expect(render("Buy {vendor} shirts", noVendor).value).toBe("Buy shirts");
    expect(render("{vendor} | {product_type}", noVendor)).toMatchObject({
      value: "",
      emptyPlaceholders: ["vendor", "product_type"],
    });
  });

  it("cuts a long result at a word boundary to the recommended length and says so", () => {
    const values = { ...SHIRT, product_title: "Heavyweight Organic Linen Button Down Shirt" };

    const field = render("{product_title} | {vendor} | Free shipping on all orders", values);

    expect(field.limit).toBe(60);
    expect(field.value).toBe("Heavyweight Organic Linen Button Down Shirt | Acme | Free");
    expect(field.value.length).toBeLessThanOrEqual(60);
    expect(field.truncatedFrom).toBe(80);
    expect(render("{product_title}").truncatedFrom).toBeNull();
  });

  it("limits descriptions to 160 characters", () => {
    const field = render("{product_title} ".repeat(20), SHIRT, "description");
    expect(field.limit).toBe(160);
    expect(field.value.length).toBeLessThanOrEqual(160);
    expect(field.value.endsWith("Linen Shirt") || field.value.endsWith("Linen")).toBe(true);
  });

  it("returns the template's issues instead of a value", () => {
    expect(renderTemplate("{product_title} {colour}", SHIRT, "title")).toMatchObject({
      ok: false,
      issues: [{ code: "unknownPlaceholder", name: "colour", position: 17 }],
    });
  });
});

describe("truncateAtWord", () => {
  it("never ends on a separator and cuts hard when there is no space near the end", () => {
    expect(truncateAtWord("Linen Shirt | Acme | Summer", 20)).toBe("Linen Shirt | Acme");
    expect(truncateAtWord("Supercalifragilisticexpialidocious", 10)).toBe("Supercalif");
    expect(truncateAtWord("short", 10)).toBe("short");
  });
});
