import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import type { AdminClient } from "~/services/shopify/client.server";
import { AdminApiError, UserErrorsError } from "~/services/shopify/errors";
import { defineOperation, type OperationData } from "~/services/shopify/operation";
import { METAFIELDS_SET } from "~/services/shopify/operations/metafields-set";
import { PRODUCT_CREATE } from "~/services/shopify/operations/product-create";
import { PRODUCT_DETAIL } from "~/services/shopify/operations/product-detail";
import { PRODUCT_SEO_UPDATE } from "~/services/shopify/operations/product-seo-update";
import { PRODUCTS_PAGE, PRODUCTS_PAGE_SIZE } from "~/services/shopify/operations/products-page";
import { SHOP_INFO } from "~/services/shopify/operations/shop-info";

import { SHOP_A, startStack, type Stack } from "../../support/stack";

import { adminClientFor, disconnectApp } from "./app-client";

let stack: Stack;
let client: AdminClient;

beforeAll(async () => {
  stack = await startStack("sqlite", { shops: [{ ...SHOP_A, products: 80 }] });
  client = await adminClientFor(stack, SHOP_A.domain);
});

afterAll(async () => {
  await disconnectApp();
  await stack?.stop();
});

const SHOP_NAME = defineOperation({
  name: "ShopName",
  document: "query ShopName { shop { name } }",
  variables: z.object({}),
  data: z.object({ shop: z.object({ name: z.string() }) }),
});

describe("reading", () => {
  it("returns the data of a valid operation, checked against its schema", async () => {
    expect(await client.execute(SHOP_NAME, {})).toEqual({ shop: { name: SHOP_A.name } });
    expect((await client.execute(SHOP_INFO, {})).shop.myshopifyDomain).toBe(SHOP_A.domain);
  });

  it("names the operation when the Admin schema refuses it", async () => {
    const typo = defineOperation({
      name: "ShopWithTypo",
      document: "query ShopWithTypo { shop { nmae } }",
      variables: z.object({}),
      data: z.unknown(),
    });

    const failure = await client.execute(typo, {}).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AdminApiError);
    const error = failure as AdminApiError;
    expect(error.operation).toBe("ShopWithTypo");
    expect(error.message).toMatch(/^Admin API operation ShopWithTypo failed: .*nmae/);
    expect(error.errors[0]).toMatchObject({ extensions: { code: "undefinedField" } });
  });

  it("names the operation when the response does not match what the app expects", async () => {
    const wrong = defineOperation({
      name: "ShopName",
      document: SHOP_NAME.document,
      variables: z.object({}),
      data: z.object({ shop: z.object({ name: z.number() }) }),
    });

    const failure = await client.execute(wrong, {}).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AdminApiError);
    expect((failure as Error).message).toMatch(
      /^Admin API operation ShopName failed: unexpected response/,
    );
  });

  it("pages through the whole catalog in summaries", async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      // Annotated: the cursor read from one page feeds the next call.
      const data: OperationData<typeof PRODUCTS_PAGE> = await client.execute(PRODUCTS_PAGE, {
        first: PRODUCTS_PAGE_SIZE,
        after,
      });
      ids.push(...data.products.nodes.map((product) => product.id));
      if (!data.products.pageInfo.hasNextPage) break;
      after = data.products.pageInfo.endCursor;
    }

    expect(ids).toHaveLength(80);
    expect(new Set(ids).size).toBe(80);
  });

  it("learns each operation's cost and tracks the shop's bucket from the answers", async () => {
    await client.execute(PRODUCTS_PAGE, { first: PRODUCTS_PAGE_SIZE });

    expect(client.bucket()).toMatchObject({ maximum: 2000, restoreRate: 100, inFlight: 0 });
    expect(client.bucket().available).toBeLessThan(2000);
  });
});

describe("writing", () => {
  it("updates a product's SEO and reads it back with its metafields", async () => {
    const id = "gid://shopify/Product/5";
    await client.execute(PRODUCT_SEO_UPDATE, {
      id,
      seo: { title: "Linen lamp | Alpha", description: "Soft light for reading." },
    });
    await client.execute(METAFIELDS_SET, {
      metafields: [
        {
          ownerId: id,
          namespace: "searchlight",
          key: "score",
          type: "number_integer",
          value: "87",
        },
      ],
    });

    const { product } = await client.execute(PRODUCT_DETAIL, { id });

    expect(product?.seo).toEqual({
      title: "Linen lamp | Alpha",
      description: "Soft light for reading.",
    });
    expect(product?.metafields).toEqual([
      expect.objectContaining({ namespace: "searchlight", key: "score", value: "87" }),
    ]);
  });

  it("hands Shopify's userErrors to the caller with their field paths", async () => {
    const unknownProduct = await client
      .execute(PRODUCT_SEO_UPDATE, { id: "gid://shopify/Product/99999", seo: { title: "x" } })
      .catch((error: unknown) => error);
    const badValue = await client
      .execute(METAFIELDS_SET, {
        metafields: [
          {
            ownerId: "gid://shopify/Product/1",
            namespace: "searchlight",
            key: "score",
            type: "number_integer",
            value: "high",
          },
        ],
      })
      .catch((error: unknown) => error);
    const blankTitle = await client
      .execute(PRODUCT_CREATE, { product: { title: " " } })
      .catch((error: unknown) => error);

    expect(unknownProduct).toBeInstanceOf(UserErrorsError);
    expect((unknownProduct as UserErrorsError).userErrors).toEqual([
      { field: ["id"], message: "Product does not exist" },
    ]);
    expect((badValue as UserErrorsError).userErrors).toEqual([
      {
        field: ["metafields", "0", "value"],
        message: "Value must be an integer.",
        code: "INVALID_VALUE",
        elementIndex: 0,
      },
    ]);
    expect((blankTitle as UserErrorsError).userErrors).toEqual([
      { field: ["title"], message: "Title can't be blank" },
    ]);
  });
});
