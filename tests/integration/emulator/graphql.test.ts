import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, testApp, type TestEmulator } from "./emulator-client";

const SHOP = "graphql-test.myshopify.com";
const PRODUCTS = 57;

let emulator: TestEmulator;
let token: string;

beforeAll(async () => {
  // A stopped clock keeps the bucket from refilling while the assertions read it.
  const startedAt = Date.now();
  emulator = await startTestEmulator({
    shops: [{ domain: SHOP, name: "GraphQL Test Goods", products: PRODUCTS }],
    clock: () => startedAt,
  });
  token = await emulator.offlineToken(SHOP);
});

afterAll(async () => {
  await emulator?.close();
});

const PAGE = `
  query ProductPage(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $sortKey: ProductSortKeys
  ) {
    products(first: $first, after: $after, last: $last, before: $before, sortKey: $sortKey) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id title handle } }
    }
  }`;

type Page = {
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string;
    endCursor: string;
  };
  edges: Array<{ cursor: string; node: { id: string; title: string; handle: string } }>;
};

async function page(variables: Record<string, unknown>): Promise<Page> {
  const response = await emulator.graphql(SHOP, token, PAGE, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.products as Page;
}

describe("Admin GraphQL", () => {
  it("answers the shop with Shopify's cost extension", async () => {
    const response = await emulator.graphql(
      SHOP,
      token,
      `query ShopInfo {
        shop {
          id name email contactEmail myshopifyDomain currencyCode ianaTimezone timezoneAbbreviation
          primaryDomain { id host url sslEnabled }
          plan { displayName publicDisplayName partnerDevelopment shopifyPlus }
          billingAddress { city countryCodeV2 }
        }
      }`,
    );

    expect(response.status).toBe(200);
    expect(response.body.data.shop).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/Shop\/\d+$/),
      name: "GraphQL Test Goods",
      myshopifyDomain: SHOP,
      currencyCode: "USD",
      primaryDomain: { host: SHOP, url: `https://${SHOP}`, sslEnabled: true },
      plan: { partnerDevelopment: false, shopifyPlus: false },
    });
    expect(response.body.extensions.cost).toEqual({
      requestedQueryCost: 4,
      actualQueryCost: 4,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1996, restoreRate: 100 },
    });
  });

  it("walks every product forward with cursors, without duplicates", async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const current: Page = await page({ first: 10, after });
      ids.push(...current.edges.map((edge) => edge.node.id));
      pages += 1;
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }

    expect(pages).toBe(6);
    expect(new Set(ids).size).toBe(PRODUCTS);
    expect(ids[0]).toBe("gid://shopify/Product/1");
    expect(ids.at(-1)).toBe(`gid://shopify/Product/${PRODUCTS}`);
  });

  it("walks backward by title and sees the same products in reverse", async () => {
    const titles: string[] = [];
    let before: string | null = null;
    for (;;) {
      const current: Page = await page({ last: 25, before, sortKey: "TITLE" });
      titles.unshift(...current.edges.map((edge) => edge.node.title));
      if (!current.pageInfo.hasPreviousPage) break;
      before = current.pageInfo.startCursor;
    }

    expect(titles).toHaveLength(PRODUCTS);
    const lowered = titles.map((title) => title.toLowerCase());
    expect(lowered).toEqual([...lowered].sort());
  });

  it("reads the fields a product list needs", async () => {
    const response = await emulator.graphql(
      SHOP,
      token,
      `{
        product(id: "gid://shopify/Product/3") {
          id handle title description descriptionHtml vendor productType status tags
          createdAt updatedAt publishedAt onlineStoreUrl
          seo { title description }
          variants(first: 5) { nodes { id title price sku } }
          featuredMedia { alt ... on MediaImage { image { url altText width height } } }
          media(first: 5) { nodes { __typename alt } }
          images(first: 5) { nodes { url altText } }
        }
      }`,
    );

    const product = response.body.data.product;
    expect(response.body.errors).toBeUndefined();
    expect(product.id).toBe("gid://shopify/Product/3");
    expect(product.description).not.toContain("<");
    expect(product.variants.nodes.length).toBeGreaterThan(0);
    expect(
      product.media.nodes.every(
        (media: { __typename: string }) => media.__typename === "MediaImage",
      ),
    ).toBe(true);
    expect(product.images.nodes).toHaveLength(product.media.nodes.length);
  });

  it("filters with a search query and reports unknown search fields", async () => {
    const response = await emulator.graphql(
      SHOP,
      token,
      `{ products(first: 250, query: "status:draft,archived shoe_size:9") { nodes { status } } }`,
    );

    const statuses = response.body.data.products.nodes.map(
      (node: { status: string }) => node.status,
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["DRAFT", "ARCHIVED"]));
    expect(response.body.extensions.search[0].warnings).toEqual([
      { field: "shoe_size", message: "Invalid search field for this query." },
    ]);
  });

  it("prices what was returned: a page of 250 on 57 products costs 59", async () => {
    const response = await emulator.graphql(
      SHOP,
      token,
      "{ products(first: 250) { nodes { id } } }",
    );

    expect(response.body.extensions.cost).toMatchObject({
      requestedQueryCost: 252,
      actualQueryCost: 2 + PRODUCTS,
    });
  });

  it("answers a field that does not exist with Shopify's validation error", async () => {
    const response = await emulator.graphql(SHOP, token, "query Broken { shop { name colour } }");

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      errors: [
        {
          message: "Field 'colour' doesn't exist on type 'Shop'",
          locations: [{ line: 1, column: 28 }],
          path: ["query Broken", "shop", "colour"],
          extensions: { code: "undefinedField", typeName: "Shop", fieldName: "colour" },
        },
      ],
    });
  });

  it("says which real fields are not emulated", async () => {
    const response = await emulator.graphql(SHOP, token, "{ shop { name shipsToCountries } }");

    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: "Shop.shipsToCountries is not emulated",
        path: ["shop", "shipsToCountries"],
        extensions: { code: "NOT_EMULATED" },
      }),
    ]);
  });

  it("refuses queries over the single query cost limit", async () => {
    const response = await emulator.graphql(
      SHOP,
      token,
      "{ products(first: 100) { nodes { variants(first: 100) { nodes { id } } } } }",
    );

    expect(response.body.errors[0].extensions).toMatchObject({
      code: "MAX_COST_EXCEEDED",
      cost: 10302,
      maxCost: 1000,
    });
    expect(response.body.data).toBeUndefined();
  });

  it("answers 401 without a valid access token and 404 for other API versions", async () => {
    const noToken = await emulator.graphql(SHOP, "shpat_unknown", "{ shop { name } }");
    const oldVersion = await emulator.json(`/shop/${SHOP}/admin/api/2024-01/graphql.json`, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });

    expect(noToken).toMatchObject({
      status: 401,
      body: {
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
      },
    });
    expect(oldVersion).toMatchObject({ status: 404, body: { errors: "Not Found" } });
  });

  it("does not let one shop's token read another shop", async () => {
    await emulator.json("/__emulator/shops", {
      method: "POST",
      body: JSON.stringify({ domain: "neighbour.myshopify.com", products: 1 }),
    });

    const response = await emulator.graphql("neighbour.myshopify.com", token, "{ shop { name } }");

    expect(response.status).toBe(401);
  });
});

describe("access scopes", () => {
  it("denies products to a token without read_products", async () => {
    const limited = await startTestEmulator({
      app: { ...testApp(), scopes: "read_orders" },
      shops: [{ domain: SHOP, products: 3 }],
    });
    try {
      const offline = await limited.offlineToken(SHOP);
      const response = await limited.graphql(
        SHOP,
        offline,
        "{ products(first: 1) { nodes { id } } }",
      );

      expect(response.body.errors[0]).toMatchObject({
        message: "Access denied for products field. Required access: `read_products` access scope.",
        extensions: { code: "ACCESS_DENIED" },
      });
    } finally {
      await limited.close();
    }
  });
});
