import {
  GraphqlQueryError,
  HttpRequestError,
  HttpResponseError,
  HttpThrottlingError,
} from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";

import { outcomeOfBody, outcomeOfThrown } from "~/services/shopify/outcome";

const STATUS = { maximumAvailable: 2000, currentlyAvailable: 3, restoreRate: 100 };

function graphqlError(body: Record<string, unknown>) {
  return new GraphqlQueryError({ message: "GraphQL Client: failed", response: {}, body });
}

describe("what an Admin API request came to", () => {
  it("data with its cost", () => {
    const outcome = outcomeOfBody({
      data: { shop: { name: "A" } },
      extensions: {
        cost: { requestedQueryCost: 2, actualQueryCost: 2, throttleStatus: STATUS },
      },
      headers: {},
    });

    expect(outcome).toEqual({
      kind: "data",
      data: { shop: { name: "A" } },
      cost: { requested: 2, actual: 2, throttleStatus: STATUS },
    });
  });

  it("GraphQL errors as Shopify sent them, even without extensions or cost", () => {
    const detail = {
      message: "Field 'nmae' doesn't exist on type 'Shop'",
      path: ["query ShopWithTypo", "shop", "nmae"],
      extensions: { code: "undefinedField" },
    };

    const outcome = outcomeOfThrown(graphqlError({ errors: { graphQLErrors: [detail] } }));

    expect(outcome).toEqual({ kind: "graphql-errors", errors: [detail], cost: null });
  });

  it("THROTTLED, with the bucket the answer reported", () => {
    const outcome = outcomeOfThrown(
      graphqlError({
        errors: { graphQLErrors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] },
        extensions: {
          cost: { requestedQueryCost: 10, actualQueryCost: null, throttleStatus: STATUS },
        },
      }),
    );

    expect(outcome).toEqual({
      kind: "throttled",
      cost: { requested: 10, actual: null, throttleStatus: STATUS },
    });
  });

  it("HTTP 429 with Retry-After, and 5xx, from the library or as a thrown Response", () => {
    const tooMany = new HttpThrottlingError({
      message: "",
      code: 429,
      statusText: "",
      retryAfter: 2,
    });
    const carried = Object.assign(new Error("Shopify refused the request (HTTP 502)"), {
      response: new Response(null, { status: 502 }),
    });

    expect(outcomeOfThrown(tooMany)).toEqual({ kind: "http", status: 429, retryAfterMs: 2000 });
    expect(outcomeOfThrown(new Response(null, { status: 503 }))).toMatchObject({ status: 503 });
    expect(outcomeOfThrown(carried)).toMatchObject({ kind: "http", status: 502 });
  });

  it("a network failure, whichever layer reports it", () => {
    const reset = new HttpRequestError("Http request error, no response available: fetch failed");

    expect(outcomeOfThrown(reset).kind).toBe("network");
    expect(outcomeOfThrown(new TypeError("fetch failed")).kind).toBe("network");
  });

  it("anything else is the caller's, untouched: a 401 Response, a 401 error", () => {
    const unauthorized = new Response(null, { status: 401 });
    const revoked = new HttpResponseError({ message: "", code: 401, statusText: "" });

    expect(outcomeOfThrown(unauthorized)).toEqual({ kind: "foreign", thrown: unauthorized });
    expect(outcomeOfThrown(revoked)).toEqual({ kind: "foreign", thrown: revoked });
  });
});
