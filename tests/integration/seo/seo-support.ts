// What the SEO workspace tests share: tRPC calls as the embedded page makes them, and the
// emulator's control API to read products and inject faults.
import { expect } from "vitest";

import type { Stack } from "../../support/stack";

export interface TrpcAnswer<T> {
  status: number;
  data: T;
  error: {
    message: string;
    data: { code: string; fieldErrors: Record<string, string[]> | null };
  } | null;
}

async function answerOf<T>(response: Response): Promise<TrpcAnswer<T>> {
  const body = (await response.json()) as { result?: { data: T }; error?: TrpcAnswer<T>["error"] };
  return { status: response.status, data: body.result?.data as T, error: body.error ?? null };
}

/** A client for one shop, with a fresh session token per call as App Bridge would send. */
export function trpcFor(stack: Stack, shop: string) {
  const headers = async () => ({
    Authorization: `Bearer ${await stack.sessionToken(shop)}`,
    "Content-Type": "application/json",
  });
  return {
    async query<T>(path: string, input?: unknown): Promise<TrpcAnswer<T>> {
      const search =
        input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return answerOf<T>(
        await stack.request(`/api/trpc/${path}${search}`, { headers: await headers() }),
      );
    },
    async mutate<T>(path: string, input: unknown): Promise<TrpcAnswer<T>> {
      const init = { method: "POST", headers: await headers(), body: JSON.stringify(input) };
      return answerOf<T>(await stack.request(`/api/trpc/${path}`, init));
    },
  };
}

export type TrpcClient = ReturnType<typeof trpcFor>;

export function productGid(id: number): string {
  return `gid://shopify/Product/${id}`;
}

export interface EmulatedProduct {
  id: string;
  title: string;
  vendor: string;
  productType: string;
  updatedAt: string;
  seo: { title: string | null; description: string | null };
  metafields: Array<{ namespace: string; key: string; type: string; value: string }>;
  updates: number;
}

export async function emulatedProduct(
  stack: Stack,
  shop: string,
  id: number,
): Promise<EmulatedProduct> {
  const response = await fetch(`${stack.emulatorUrl}/__emulator/shops/${shop}/products/${id}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { product: EmulatedProduct }).product;
}

export async function productUpdateCounts(
  stack: Stack,
  shop: string,
): Promise<Record<string, number>> {
  const response = await fetch(`${stack.emulatorUrl}/__emulator/shops/${shop}/stats`);
  const stats = (await response.json()) as {
    productUpdates: { byProduct: Record<string, number> };
  };
  return stats.productUpdates.byProduct;
}

export async function deleteEmulatedProduct(stack: Stack, shop: string, id: number): Promise<void> {
  const response = await fetch(`${stack.emulatorUrl}/__emulator/shops/${shop}/products/${id}`, {
    method: "DELETE",
  });
  expect(response.status).toBe(200);
}

export async function addFault(stack: Stack, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${stack.emulatorUrl}/__emulator/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

export async function clearFaults(stack: Stack): Promise<void> {
  await fetch(`${stack.emulatorUrl}/__emulator/faults`, { method: "DELETE" });
}

export async function graphqlCalls(
  stack: Stack,
  shop: string,
  operationName: string,
): Promise<number> {
  const response = await fetch(`${stack.emulatorUrl}/__emulator/journal?shop=${shop}&kind=graphql`);
  const { entries } = (await response.json()) as { entries: Array<{ operationName?: string }> };
  return entries.filter((entry) => entry.operationName === operationName).length;
}

export interface RunView {
  id: string;
  status: string;
  total: number;
  processed: number;
  succeeded: number;
  skipped: number;
  failed: number;
  checkpoint: number;
  items: Record<string, number>;
  undo: { total: number; done: number } | null;
  canCancel: boolean;
  canUndo: boolean;
}

/** Polls the run through the API until `done` holds, or fails after `timeoutMs`. */
export async function waitForRun(
  trpc: TrpcClient,
  runId: string,
  done: (run: RunView) => boolean,
  timeoutMs = 30_000,
): Promise<RunView> {
  const deadline = Date.now() + timeoutMs;
  let last: RunView | undefined;
  while (Date.now() < deadline) {
    const answer = await trpc.query<RunView>("seo.bulkRuns.get", { runId });
    expect(answer.error).toBeNull();
    last = answer.data;
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} did not get there in time: ${JSON.stringify(last)}`);
}

export async function install(trpc: TrpcClient): Promise<void> {
  const answer = await trpc.query("shop.info");
  expect(answer.status).toBe(200);
}

/**
 * Starts a bulk run over the shop's first `products` products with every SEO update slowed by
 * `latencyMs`, so that a test can act on the run while it is still going.
 */
export async function startSlowRun(
  stack: Stack,
  shop: string,
  options: { products: number; latencyMs: number; titleTemplate: string },
): Promise<{ runId: string; productIds: string[] }> {
  await addFault(stack, {
    kind: "latency",
    shop,
    operationName: "ProductSeoUpdate",
    latencyMs: options.latencyMs,
  });
  const productIds = Array.from({ length: options.products }, (_, index) => productGid(index + 1));
  const started = await trpcFor(stack, shop).mutate<{ runId: string }>("seo.bulkRuns.start", {
    titleTemplate: options.titleTemplate,
    scope: "selection",
    productIds,
  });
  expect(started.error).toBeNull();
  return { runId: started.data.runId, productIds };
}
