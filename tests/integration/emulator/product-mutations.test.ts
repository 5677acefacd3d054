import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, type TestEmulator } from "./emulator-client";

const SHOP = "mutations.myshopify.com";
const GRAPHQL_ERRORS_ONLY = { errors: expect.any(Array) };

let emulator: TestEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator({
    shops: [{ domain: SHOP, products: 5 }],
    webhooks: { attempts: 1, timeoutMs: 100 },
  });
  token = await emulator.offlineToken(SHOP);
});

afterAll(async () => {
  await emulator?.close();
});

const UPDATE = `mutation Update($product: ProductUpdateInput!) {
  productUpdate(product: $product) {
    product { id title updatedAt seo { title description } }
    userErrors { field message }
  }
}`;

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key type value }
    userErrors { field message code elementIndex }
  }
}`;

function metafield(index: number, value = "1") {
  return {
    ownerId: "gid://shopify/Product/1",
    namespace: "searchlight",
    key: `key_${index}`,
    type: "number_integer",
    value,
  };
}

describe("productUpdate", () => {
  it("sets SEO fields of any length and costs 10 points", async () => {
    const longDescription = "A lamp. ".repeat(60);

    const { body } = await emulator.graphql(SHOP, token, UPDATE, {
      product: {
        id: "gid://shopify/Product/2",
        seo: { title: "Lamp", description: longDescription },
      },
    });

    expect(body.data.productUpdate).toMatchObject({
      product: { seo: { title: "Lamp", description: longDescription } },
      userErrors: [],
    });
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
    const { body: stored } = await emulator.json(`/__emulator/shops/${SHOP}/products/2`);
    expect(stored.product).toMatchObject({ seo: { title: "Lamp" }, updates: 1 });
  });

  it("answers userErrors for an unknown product, a blank title and a taken handle", async () => {
    const cases = [
      { id: "gid://shopify/Product/404", title: "Ghost" },
      { id: "gid://shopify/Product/1", title: "  " },
      { id: "gid://shopify/Product/1", handle: "taken" },
    ];
    await emulator.graphql(SHOP, token, UPDATE, {
      product: { id: "gid://shopify/Product/3", handle: "taken" },
    });

    const answers = [];
    for (const product of cases) {
      const { body } = await emulator.graphql(SHOP, token, UPDATE, { product });
      answers.push(body.data.productUpdate);
    }

    expect(answers).toEqual([
      { product: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] },
      { product: null, userErrors: [{ field: ["title"], message: "Title can't be blank" }] },
      {
        product: null,
        userErrors: [
          {
            field: ["handle"],
            message: "Handle 'taken' already in use. Please provide a new handle.",
          },
        ],
      },
    ]);
  });

  it("refuses the ProductInput form of 2024 and fields it does not emulate", async () => {
    const legacy = await emulator.graphql(
      SHOP,
      token,
      `mutation Legacy($input: ProductInput!) {
        productUpdate(input: $input) { userErrors { message } }
      }`,
      { input: { id: "gid://shopify/Product/1", title: "x" } },
    );

    expect(legacy.body).toMatchObject(GRAPHQL_ERRORS_ONLY);
    expect(legacy.body.errors[0].extensions.code).toBe("NOT_EMULATED");
  });
});

describe("productCreate", () => {
  it("creates an unpublished product with a free handle", async () => {
    const { body } = await emulator.graphql(
      SHOP,
      token,
      `mutation Create($product: ProductCreateInput!) {
        productCreate(product: $product) {
          product { id handle status publishedAt }
          userErrors { field message }
        }
      }`,
      { product: { title: "Desk Lamp" } },
    );

    expect(body.data.productCreate).toEqual({
      product: {
        id: "gid://shopify/Product/6",
        handle: "desk-lamp",
        status: "ACTIVE",
        publishedAt: null,
      },
      userErrors: [],
    });
  });
});

describe("metafieldsSet", () => {
  it("stores metafields and reads them back through Product.metafields", async () => {
    await emulator.graphql(SHOP, token, SET, { metafields: [metafield(1, "7")] });

    const { body } = await emulator.graphql(
      SHOP,
      token,
      `{ product(id: "gid://shopify/Product/1") {
          metafields(first: 5, namespace: "searchlight") { nodes { key value jsonValue } }
          metafield(namespace: "searchlight", key: "key_1") { type }
        } }`,
    );

    expect(body.data.product).toEqual({
      metafields: { nodes: [{ key: "key_1", value: "7", jsonValue: 7 }] },
      metafield: { type: "number_integer" },
    });
  });

  it("refuses more than 25 metafields like Shopify, before touching anything", async () => {
    const metafields = Array.from({ length: 26 }, (_, index) => metafield(index + 10));

    const { body } = await emulator.graphql(SHOP, token, SET, { metafields });

    expect(body.errors[0]).toMatchObject({
      message: "The input array size of 26 is greater than the maximum allowed of 25.",
      extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
    });
    const { body: stored } = await emulator.json(`/__emulator/shops/${SHOP}/products/1`);
    expect(stored.product.metafields).toHaveLength(1);
  });

  it("writes nothing when one value is invalid, pointing at it", async () => {
    const { body } = await emulator.graphql(SHOP, token, SET, {
      metafields: [metafield(2, "3"), { ...metafield(3, "yes"), type: "boolean" }],
    });

    expect(body.data.metafieldsSet).toEqual({
      metafields: null,
      userErrors: [
        {
          field: ["metafields", "1", "value"],
          message: "Value must be true or false.",
          code: "INVALID_VALUE",
          elementIndex: 1,
        },
      ],
    });
  });
});
