import { expect } from "vitest";

import type { Stack } from "../../support/stack";

const TOKEN_EXCHANGE = {
  grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
  subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
  requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
};

/** Calls a tRPC procedure over HTTP as the embedded page does, with the shop's session token. */
export async function trpc(
  stack: Stack,
  shop: string,
  path: string,
  input?: unknown,
  method: "GET" | "POST" = "GET",
) {
  const headers = { Authorization: `Bearer ${await stack.sessionToken(shop)}` };
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response =
    method === "GET"
      ? await stack.request(`/api/trpc/${path}${query}`, { headers })
      : await stack.request(`/api/trpc/${path}`, {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify(input ?? null),
        });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: {
      message: string;
      data: { code: string; fieldErrors: Record<string, string[]> | null };
    };
  };
  return { status: response.status, data: body.result?.data as never, error: body.error };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitForSync(stack: Stack, shop: string) {
  return eventually(async () => {
    const { data } = await trpc(stack, shop, "products.sync.status");
    const status = data as { state: string; processed: number; error: string | null };
    if (status.state === "failed") throw new Error(`sync failed: ${status.error}`);
    return status.state === "completed" ? status : undefined;
  }, "the catalog sync to complete");
}

/** Talks to the emulated Admin API as another app would, to change products behind the app. */
export async function emulatorAdmin(stack: Stack, shop: string) {
  const exchange = await fetch(`${stack.emulatorUrl}/shop/${shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      client_id: stack.apiKey,
      client_secret: stack.apiSecret,
      subject_token: await stack.sessionToken(shop),
      ...TOKEN_EXCHANGE,
    }),
  });
  const { access_token: token } = (await exchange.json()) as { access_token: string };

  return async function graphql(query: string, variables: object) {
    const response = await fetch(
      `${stack.emulatorUrl}/shop/${shop}/admin/api/2026-10/graphql.json`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
        body: JSON.stringify({ query, variables }),
      },
    );
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
}

export async function journal(stack: Stack, shop: string) {
  const response = await fetch(`${stack.emulatorUrl}/__emulator/journal?shop=${shop}`);
  const { entries } = (await response.json()) as {
    entries: Array<{ kind: string; operationName?: string; status: number }>;
  };
  return entries;
}

export async function webhooksSettled(stack: Stack, shop: string) {
  return eventually(async () => {
    const response = await fetch(`${stack.emulatorUrl}/__emulator/shops/${shop}/stats`);
    const { webhooks } = (await response.json()) as { webhooks: { pending: number } };
    return webhooks.pending === 0 ? true : undefined;
  }, "the emulator's webhooks to be delivered");
}
