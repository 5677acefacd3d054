import { describe, expect, it } from "vitest";

import { generateProducts } from "../../../emulator/fixtures/products";

describe("product fixtures", () => {
  const products = generateProducts("demo.myshopify.com", 300);

  it("is the same catalogue for the same domain and another for another domain", () => {
    expect(generateProducts("demo.myshopify.com", 300)).toEqual(products);
    expect(generateProducts("other.myshopify.com", 300)).not.toEqual(products);
  });

  it("numbers products from 1 with unique handles", () => {
    expect(products.map((product) => product.id)).toEqual(products.map((_, index) => index + 1));
    expect(new Set(products.map((product) => product.handle)).size).toBe(products.length);
  });

  it("has the SEO problems the app looks for", () => {
    const titles = products.map((product) => product.seo.title);
    const descriptions = products.map((product) => product.seo.description);
    const images = products.flatMap((product) => product.images);

    expect(titles.filter((title) => title === null).length).toBeGreaterThan(20);
    expect(titles.filter((title) => (title?.length ?? 0) > 70).length).toBeGreaterThan(20);
    expect(descriptions.filter((text) => text === null).length).toBeGreaterThan(20);
    expect(descriptions.filter((text) => (text?.length ?? 0) > 160).length).toBeGreaterThan(20);
    expect(images.filter((image) => image.alt === null).length).toBeGreaterThan(20);
    expect(images.filter((image) => image.alt !== null).length).toBeGreaterThan(20);
  });
});
