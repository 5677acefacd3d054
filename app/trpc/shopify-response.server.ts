import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

/**
 * Shopify's library answers an Admin API 401 (a revoked or stale access token) by deleting the
 * stored session and throwing a bare 401 Response. tRPC swallows thrown values that are not
 * errors, so the Response travels inside this error and the tRPC route returns it. As the bad
 * session is gone, the same request with a new session token will exchange a fresh access token:
 * the retry header lets App Bridge do that by itself instead of the page showing a failure.
 */
export class ShopifyResponseError extends Error {
  readonly response: Response;

  constructor(thrown: Response) {
    super(`Shopify refused the request (HTTP ${thrown.status})`);
    this.name = "ShopifyResponseError";
    this.response = thrown.status === 401 ? withRetryHeader(thrown) : thrown;
  }
}

function withRetryHeader(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("X-Shopify-Retry-Invalid-Session-Request", "1");
  return new Response(response.body, { status: response.status, headers });
}

export function surfaceShopifyResponses(admin: AdminApiContext): AdminApiContext {
  const graphql: AdminApiContext["graphql"] = async (query, options) => {
    try {
      return await admin.graphql(query, options);
    } catch (error) {
      if (error instanceof Response) throw new ShopifyResponseError(error);
      throw error;
    }
  };
  return { ...admin, graphql };
}
