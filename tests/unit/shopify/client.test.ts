import {
  GraphqlQueryError,
  HttpInternalError,
  HttpRequestError,
  HttpThrottlingError,
} from "@shopify/shopify-api";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import type { AdminClient, AdminClientOptions } from "~/services/shopify/client.server";
import {
  AdminAbortedError,
  AdminApiError,
  AdminThrottledError,
  AdminTransportError,
  UserErrorsError,
} from "~/services/shopify/errors";
import { METAFIELDS_SET } from "~/services/shopify/operations/metafields-set";
import { PRODUCT_CREATE } from "~/services/shopify/operations/product-create";
import { PRODUCT_SEO_UPDATE } from "~/services/shopify/operations/product-seo-update";
import { SHOP_INFO } from "~/services/shopify/operations/shop-info";

type Answer = (() => unknown) | { throws: unknown };

let createAdminClient: (options: AdminClientOptions) => AdminClient;
let shopCount = 0;

beforeAll(async () => {
  vi.stubEnv("LOG_LEVEL", "silent");
  vi.stubEnv("SHOPIFY_API_KEY", "unit-test-key");
  vi.stubEnv("SHOPIFY_API_SECRET", "unit-test-secret");
  vi.stubEnv("SHOPIFY_APP_URL", "https://searchlight.example.com");
  ({ createAdminClient } = await import("~/services/shopify/client.server"));
});

const COST = {
  requestedQueryCost: 10,
  actualQueryCost: 10,
  throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 },
};

const SEO_DATA = {
  productUpdate: {
    product: {
      id: "gid://shopify/Product/1",
      updatedAt: "2026-01-01T00:00:00Z",
      seo: { title: "T", description: null },
    },
    userErrors: [],
  },
};

function ok(data: unknown): Answer {
  return () => ({ data, extensions: { cost: COST } });
}

function graphqlErrors(errors: unknown[]): Answer {
  return {
    throws: new GraphqlQueryError({
      message: "GraphQL Client: An error occurred while fetching from the API.",
      response: {},
      body: { errors: { graphQLErrors: errors }, extensions: { cost: COST } },
    }),
  };
}

const throttled = graphqlErrors([{ message: "Throttled", extensions: { code: "THROTTLED" } }]);
const unavailable: Answer = {
  throws: new HttpInternalError({ message: "Shopify internal error", code: 503, statusText: "" }),
};
const reset: Answer = {
  throws: new HttpRequestError("Http request error, no response available: fetch failed"),
};

/** A client whose admin.graphql plays the given answers in order, recording every call. */
function clientAnswering(answers: Answer[], options: Partial<AdminClientOptions> = {}) {
  const calls: Array<{ query: string; options: unknown; at: number }> = [];
  const graphql = (async (query: string, options?: unknown) => {
    calls.push({ query, options, at: performance.now() });
    const answer = answers[calls.length - 1];
    if (!answer) throw new Error("no more answers");
    if ("throws" in answer) throw answer.throws;
    return new Response(JSON.stringify(answer()));
  }) as AdminApiContext["graphql"];

  shopCount += 1;
  const client = createAdminClient({
    shop: `unit-${shopCount}.myshopify.com`,
    graphql,
    backoff: { baseMs: 2, maxMs: 10 },
    maxAttempts: 4,
    ...options,
  });
  return { client, calls };
}

const UPDATE = { id: "gid://shopify/Product/1", seo: { title: "T" } };

describe("AdminClient.execute", () => {
  it("sends the document and variables once and returns the checked data", async () => {
    const { client, calls } = clientAnswering([ok(SEO_DATA)]);

    const data = await client.execute(PRODUCT_SEO_UPDATE, UPDATE);

    expect(data.product?.seo.title).toBe("T");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options).toMatchObject({
      variables: { product: UPDATE },
      tries: 1,
    });
  });

  it("turns GraphQL errors into an AdminApiError naming the operation, no retry", async () => {
    const { client, calls } = clientAnswering([
      graphqlErrors([{ message: "Field 'nmae' doesn't exist on type 'Shop'" }]),
    ]);

    const failure = await client.execute(SHOP_INFO, {}).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AdminApiError);
    expect((failure as AdminApiError).message).toBe(
      "Admin API operation ShopInfo failed: Field 'nmae' doesn't exist on type 'Shop'",
    );
    expect(calls).toHaveLength(1);
  });

  it("hands userErrors to the caller with their field paths", async () => {
    const { client } = clientAnswering([
      ok({
        productUpdate: {
          product: null,
          userErrors: [{ field: ["id"], message: "Product does not exist" }],
        },
      }),
    ]);

    const failure = await client.execute(PRODUCT_SEO_UPDATE, UPDATE).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(UserErrorsError);
    expect((failure as UserErrorsError).userErrors).toEqual([
      { field: ["id"], message: "Product does not exist" },
    ]);
    expect((failure as Error).message).toBe(
      "Admin API operation ProductSeoUpdate failed: id: Product does not exist",
    );
  });

  it("refuses more than 25 metafields before sending anything", async () => {
    const { client, calls } = clientAnswering([]);
    const metafields = Array.from({ length: 26 }, (_, index) => ({
      ownerId: "gid://shopify/Product/1",
      namespace: "seo",
      key: `key_${index}`,
      type: "single_line_text_field",
      value: "x",
    }));

    const failure = await client.execute(METAFIELDS_SET, { metafields }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(UserErrorsError);
    expect((failure as UserErrorsError).userErrors[0]).toMatchObject({
      field: ["metafields"],
      message: "at most 25 metafields per call",
    });
    expect(calls).toHaveLength(0);
  });

  it("retries THROTTLED, 429, 5xx and lost connections for an idempotent operation", async () => {
    const tooMany: Answer = {
      throws: new HttpThrottlingError({ message: "", code: 429, statusText: "", retryAfter: 0 }),
    };
    const { client, calls } = clientAnswering(
      [throttled, tooMany, unavailable, reset, ok(SEO_DATA)],
      { maxAttempts: 5 },
    );

    const data = await client.execute(PRODUCT_SEO_UPDATE, UPDATE);

    expect(data.product?.id).toBe("gid://shopify/Product/1");
    expect(calls).toHaveLength(5);
  });

  it("gives up after the attempts allowed, saying what the last failure was", async () => {
    const { client, calls } = clientAnswering([unavailable, unavailable, unavailable, unavailable]);

    const failure = await client.execute(PRODUCT_SEO_UPDATE, UPDATE).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(AdminTransportError);
    expect(failure).toMatchObject({ status: 503, attempts: 4, mayHaveApplied: true });
    expect(calls).toHaveLength(4);
  });

  it("reports a throttle that never lifts as AdminThrottledError", async () => {
    const { client, calls } = clientAnswering([throttled, throttled, throttled, ok(SEO_DATA)], {
      maxThrottled: 3,
    });

    const failure = await client.execute(PRODUCT_SEO_UPDATE, UPDATE).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(AdminThrottledError);
    expect((failure as Error).message).toBe(
      "Admin API operation ProductSeoUpdate failed: throttled by Shopify after 3 attempts",
    );
    expect(calls).toHaveLength(3);
  });

  it("waits longer after each THROTTLED answer, as after other failures", async () => {
    const { client, calls } = clientAnswering([throttled, throttled, throttled, ok(SEO_DATA)], {
      backoff: { baseMs: 40, maxMs: 1_000 },
    });

    await client.execute(PRODUCT_SEO_UPDATE, UPDATE);

    const waits = calls.slice(1).map((call, index) => call.at - (calls[index]?.at ?? 0));
    // With equal jitter the first wait is 20-40 ms and the third 80-160 ms; the bucket had
    // points to spare, so the gate added nothing.
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeLessThan(70);
    expect(waits[2]).toBeGreaterThanOrEqual(75);
  });

  it("does not resend a create whose answer was lost: it may already exist", async () => {
    const { client, calls } = clientAnswering([reset, ok({})]);

    const failure = await client
      .execute(PRODUCT_CREATE, { product: { title: "Lamp" } })
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(AdminTransportError);
    expect(failure).toMatchObject({ status: null, mayHaveApplied: true, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("lets a thrown Response through untouched and does not retry it", async () => {
    const unauthorized = new Response(null, { status: 401 });
    const { client, calls } = clientAnswering([{ throws: unauthorized }, ok(SEO_DATA)]);

    const failure = await client.execute(PRODUCT_SEO_UPDATE, UPDATE).catch((e: unknown) => e);

    expect(failure).toBe(unauthorized);
    expect(calls).toHaveLength(1);
  });

  it("stops waiting to retry when the signal fires", async () => {
    const { client, calls } = clientAnswering([unavailable, ok(SEO_DATA)], {
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    const controller = new AbortController();

    const pending = client.execute(PRODUCT_SEO_UPDATE, UPDATE, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("navigated away")), 20);

    await expect(pending).rejects.toBeInstanceOf(AdminAbortedError);
    expect(calls).toHaveLength(1);
  });
});
