import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";

import { testDatabaseProviders } from "../database/databases";
import { SHOP_A, SHOP_B, startStack, type Stack } from "../../support/stack";

import {
  emulatedProduct,
  graphqlCalls,
  install,
  productGid,
  trpcFor,
  type TrpcClient,
} from "./seo-support";

interface EditorProduct {
  product: {
    id: string;
    title: string;
    updatedAt: string;
    seo: { title: string | null; description: string | null };
  };
  suggestions: Array<{ templateName: string; title: string | null; description: string | null }>;
}

interface SaveResult {
  status: string;
  userErrors?: Array<{ field: string[] | null; message: string }>;
  changedFields?: string[];
  changed?: Array<{ namespace: string; key: string; value: string | null }>;
  product?: { updatedAt: string; seo: { title: string | null } };
}

const PRODUCT = productGid(2);

describe.each(testDatabaseProviders())("the product SEO editor's API on %s", (provider) => {
  let stack: Stack;
  let alpha: TrpcClient;
  let db: Database;

  beforeAll(async () => {
    stack = await startStack(provider, {
      shops: [
        { ...SHOP_A, products: 4 },
        { ...SHOP_B, products: 2 },
      ],
    });
    db = createDatabase(stack.databaseUrl);
    alpha = trpcFor(stack, SHOP_A.domain);
    await install(alpha);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  });

  it("manages templates: checks placeholders, refuses a duplicate name, renders suggestions", async () => {
    const invalid = await alpha.mutate("seo.templates.create", {
      name: "Broken",
      titleTemplate: "{title}",
    });
    expect(invalid.status).toBe(400);
    expect(invalid.error?.message).toContain("unknown placeholder {title} at character 1");

    const created = await alpha.mutate<{ id: string }>("seo.templates.create", {
      name: "Brand first",
      titleTemplate: "{vendor} | {product_title}",
      descriptionTemplate: "{product_title} by {vendor}",
    });
    expect(created.error).toBeNull();
    const duplicate = await alpha.mutate("seo.templates.create", {
      name: "Brand first",
      titleTemplate: "{vendor}",
    });
    expect(duplicate.status).toBe(409);

    const validation = await alpha.query<{ valid: boolean; issues: { title: unknown[] } }>(
      "seo.validateTemplate",
      {
        titleTemplate: "Buy {prodct_title}",
      },
    );
    expect(validation.data).toMatchObject({
      valid: false,
      issues: {
        title: [
          {
            code: "unknownPlaceholder",
            name: "prodct_title",
            position: 5,
            suggestion: "product_title",
          },
        ],
      },
    });

    const editor = await alpha.query<EditorProduct>("seo.product", { productId: PRODUCT });
    const shopify = await emulatedProduct(stack, SHOP_A.domain, 2);
    expect(editor.data.product).toMatchObject({
      id: PRODUCT,
      title: shopify.title,
      updatedAt: shopify.updatedAt,
    });
    expect(editor.data.suggestions).toEqual([
      {
        templateId: created.data.id,
        templateName: "Brand first",
        title: `${shopify.vendor} | ${shopify.title}`,
        description: `${shopify.title} by ${shopify.vendor}`,
      },
    ]);

    const preview = await alpha.query<{
      products: Array<{ id: string; next: { title: { value: string } } }>;
    }>("seo.previewTemplate", { titleTemplate: "{product_title}!", productIds: [PRODUCT] });
    expect(preview.data.products).toEqual([
      expect.objectContaining({
        id: PRODUCT,
        next: { title: expect.objectContaining({ value: `${shopify.title}!` }) },
      }),
    ]);
  });

  it("saves SEO fields, then refuses to overwrite a change made in Shopify meanwhile", async () => {
    const loaded = (await alpha.query<EditorProduct>("seo.product", { productId: PRODUCT })).data
      .product;

    const saved = await alpha.mutate<SaveResult>("seo.updateProductSeo", {
      productId: PRODUCT,
      seo: { title: "Hand-picked title", description: "A description the merchant wrote." },
      loaded: { updatedAt: loaded.updatedAt, seo: loaded.seo },
    });
    expect(saved.data.status).toBe("saved");
    expect((await emulatedProduct(stack, SHOP_A.domain, 2)).seo).toEqual({
      title: "Hand-picked title",
      description: "A description the merchant wrote.",
    });
    const mirror = await db.metaTag.findFirst({
      where: { resourceId: PRODUCT, shop: { domain: SHOP_A.domain } },
    });
    if (mirror) {
      expect(mirror).toMatchObject({
        seoTitle: "Hand-picked title",
        source: "manual",
        previousSeoTitle: loaded.seo.title,
      });
    }

    // A second editor still holds the version from before the save.
    const stale = await alpha.mutate<SaveResult>("seo.updateProductSeo", {
      productId: PRODUCT,
      seo: { title: "Stale title", description: "A description the merchant wrote." },
      loaded: { updatedAt: loaded.updatedAt, seo: loaded.seo },
    });
    expect(stale.data).toMatchObject({
      status: "conflict",
      changedFields: ["title", "description"],
    });
    expect((await emulatedProduct(stack, SHOP_A.domain, 2)).seo.title).toBe("Hand-picked title");

    const overwritten = await alpha.mutate<SaveResult>("seo.updateProductSeo", {
      productId: PRODUCT,
      seo: { title: "Stale title", description: "" },
      loaded: null,
    });
    expect(overwritten.data.status).toBe("saved");
    expect((await emulatedProduct(stack, SHOP_A.domain, 2)).seo).toEqual({
      title: "Stale title",
      description: null,
    });
  });

  it("refuses a title over Shopify's counter limit next to the field, sending nothing", async () => {
    const sentBefore = await graphqlCalls(stack, SHOP_A.domain, "ProductSeoUpdate");

    const answer = await alpha.mutate<SaveResult>("seo.updateProductSeo", {
      productId: PRODUCT,
      seo: { title: "x".repeat(71), description: "<b>bold</b>" },
      loaded: null,
    });

    expect(answer.data).toEqual({
      status: "invalid",
      userErrors: [
        { field: ["seo", "title"], message: "must be at most 70 characters" },
        { field: ["seo", "description"], message: "must not contain < or >" },
      ],
    });
    expect(await graphqlCalls(stack, SHOP_A.domain, "ProductSeoUpdate")).toBe(sentBefore);
  });

  it("answers a product that does not exist with NOT_FOUND", async () => {
    const answer = await alpha.query("seo.product", { productId: productGid(999) });
    expect(answer.status).toBe(404);
  });

  it("writes metafields by type and returns user errors with their field paths", async () => {
    const saved = await alpha.mutate<SaveResult>("metafields.set", {
      productId: PRODUCT,
      metafields: [
        { namespace: "custom", key: "material", type: "single_line_text_field", value: "Linen" },
        { namespace: "custom", key: "weight", type: "number_decimal", value: " 1.50 " },
        { namespace: "custom", key: "gift", type: "boolean", value: "TRUE" },
      ],
      loaded: null,
    });
    expect(saved.data.status).toBe("saved");
    const listed = await alpha.query<{ metafields: Array<Record<string, unknown>> }>(
      "metafields.list",
      {
        productId: PRODUCT,
      },
    );
    expect(listed.data.metafields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: "weight", value: "1.50", editable: true }),
        expect.objectContaining({ key: "gift", value: "true", type: "boolean" }),
      ]),
    );

    const ours = await alpha.mutate<SaveResult>("metafields.set", {
      productId: PRODUCT,
      metafields: [{ namespace: "custom", key: "count", type: "number_integer", value: "4.5" }],
      loaded: null,
    });
    expect(ours.data).toMatchObject({
      status: "invalid",
      userErrors: [
        { field: ["metafields", "0", "value"], message: "Value must be a whole number" },
      ],
    });

    // 30 metafields take two calls; Shopify's error on the 28th comes back at index 27.
    const many = Array.from({ length: 30 }, (_, index) => ({
      namespace: index === 27 ? "ab" : "bulk",
      key: `field_${index}`,
      type: "single_line_text_field",
      value: `value ${index}`,
    }));
    const shopifys = await alpha.mutate<SaveResult>("metafields.set", {
      productId: PRODUCT,
      metafields: many,
      loaded: null,
    });
    expect(shopifys.data.status).toBe("invalid");
    expect(shopifys.data.userErrors).toEqual([
      expect.objectContaining({
        field: ["metafields", "27", "namespace"],
        message: "Namespace is too short (minimum is 3 characters)",
      }),
    ]);
  });

  it("refuses to overwrite a metafield changed since it was loaded", async () => {
    const answer = await alpha.mutate<SaveResult>("metafields.set", {
      productId: PRODUCT,
      metafields: [
        { namespace: "custom", key: "material", type: "single_line_text_field", value: "Wool" },
      ],
      loaded: [{ namespace: "custom", key: "material", value: "Cotton" }],
    });

    expect(answer.data).toEqual({
      status: "conflict",
      changed: [{ namespace: "custom", key: "material", value: "Linen" }],
    });
  });

  it("keeps each shop's templates to itself", async () => {
    const bravo = trpcFor(stack, SHOP_B.domain);
    await install(bravo);
    const templates = await bravo.query<unknown[]>("seo.templates.list");
    expect(templates.data).toEqual([]);
    const own = await alpha.query<Array<{ id: string }>>("seo.templates.list");
    const removed = await bravo.mutate("seo.templates.delete", { id: own.data[0]?.id });
    expect(removed.status).toBe(404);
  });
});
