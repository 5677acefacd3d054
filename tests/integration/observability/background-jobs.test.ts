import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testDatabaseProviders } from "../database/databases";
import { startObservedStack, type ObservedStack } from "./observed-stack";
import { metricItems, transactions, waitFor, type SentryEvent } from "./sentry-events";

type Line = Record<string, unknown>;

const SHOP = { domain: "alpha-outfitters.myshopify.com", name: "Alpha Outfitters", products: 4 };

async function dataOf<T>(response: Response): Promise<T> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** Every line of the one job execution the first line matching `opensJob` started. */
async function linesOfJob(stack: ObservedStack, opensJob: (line: Line) => boolean) {
  const read = async () => stack.app.logs;
  const [opening] = await waitFor(read, (lines) => lines.filter(opensJob));
  const ofJob = (lines: Line[]) => lines.filter((line) => line.jobId === opening?.jobId);
  await waitFor(read, (lines) => ofJob(lines).filter((line) => line.msg === "job finished"));
  return { jobId: opening?.jobId as string, lines: ofJob(stack.app.logs) };
}

function expectJobScope(lines: Line[], job: string, extra: Line = {}) {
  for (const line of lines) {
    expect(line).toMatchObject({ job, shop: SHOP.domain, ...extra });
    expect(line).not.toHaveProperty("requestId");
    expect(line).not.toHaveProperty("route");
  }
}

describe.each(testDatabaseProviders())("background jobs on %s", (provider) => {
  let stack: ObservedStack;

  const requestLines = (requestId: string) =>
    stack.app.logs.filter((line) => line.requestId === requestId);

  beforeAll(async () => {
    stack = await startObservedStack(provider, { sentry: true, shops: [SHOP] });
    // Installing starts the first catalog sync; the bulk run below needs its mirror.
    expect((await stack.trpc("shop.info", SHOP.domain)).status).toBe(200);
    await linesOfJob(stack, (line) => line.msg === "job started" && line.sync === "install");
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("runs a catalog sync in a scope of its own, not the request's that started it", async () => {
    const requestId = `sync-${randomUUID()}`;

    const answer = await dataOf<{ started: boolean }>(
      await stack.mutate("products.sync.start", SHOP.domain, null, { "X-Request-Id": requestId }),
    );

    expect(answer.started).toBe(true);
    const { jobId, lines } = await linesOfJob(
      stack,
      (line) => line.msg === "job started" && line.sync === "manual",
    );
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["job started", "admin api call", "catalog sync finished"]),
    );
    expectJobScope(lines, "catalog-sync");
    expect(lines.at(-1)).toMatchObject({
      msg: "job finished",
      outcome: "ok",
      ms: expect.any(Number),
    });
    // The request logged that it started the sync, under its own id and not the job's.
    const request = requestLines(requestId);
    expect(request.map((line) => line.msg)).toContain("catalog sync started");
    for (const line of request) expect(line).not.toHaveProperty("jobId");

    // In Sentry the job is a transaction of its own trace, pointing back to the request's.
    const byJob = (items: SentryEvent[]) => items.filter((item) => item.tags?.jobId === jobId);
    const [job] = await waitFor(() => transactions(stack), byJob);
    const byRequest = (items: SentryEvent[]) =>
      items.filter((item) => item.tags?.requestId === requestId);
    const [trigger] = await waitFor(() => transactions(stack), byRequest);
    expect(job).toMatchObject({
      transaction: "job catalog-sync",
      tags: expect.objectContaining({ component: "job", job: "catalog-sync", shop: SHOP.domain }),
    });
    expect(job?.tags).not.toHaveProperty("requestId");
    const triggerTrace = trigger?.contexts?.trace?.trace_id;
    expect(job?.contexts?.trace?.trace_id).not.toBe(triggerTrace);
    expect(job?.contexts?.trace?.links).toContainEqual(
      expect.objectContaining({ trace_id: triggerTrace }),
    );
    expect(job?.spans).toContainEqual(
      expect.objectContaining({ op: "http.graphql", description: "Admin GraphQL ProductsPage" }),
    );
    const durations = await waitFor(
      () => metricItems(stack),
      (items) =>
        items.filter(
          (item) =>
            item.name === "job.duration" && item.trace_id === job?.contexts?.trace?.trace_id,
        ),
      { timeoutMs: 15_000 },
    );
    expect(durations[0]).toMatchObject({
      type: "distribution",
      unit: "millisecond",
      attributes: expect.objectContaining({
        job: { type: "string", value: "catalog-sync" },
        outcome: { type: "string", value: "ok" },
      }),
    });
  });

  it("works a bulk SEO run in a scope of its own, carrying the run and the shop", async () => {
    const requestId = `bulk-${randomUUID()}`;

    const { runId } = await dataOf<{ runId: string }>(
      await stack.mutate(
        "seo.bulkRuns.start",
        SHOP.domain,
        {
          titleTemplate: "{product_title} | {vendor}",
          scope: "selection",
          productIds: ["gid://shopify/Product/1", "gid://shopify/Product/2"],
        },
        { "X-Request-Id": requestId },
      ),
    );

    const { lines } = await linesOfJob(
      stack,
      (line) => line.msg === "job started" && line.runId === runId,
    );
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["job started", "admin api call", "bulk SEO run finished"]),
    );
    expectJobScope(lines, "bulk-seo-run", { runId });
    const calls = lines.filter((line) => line.msg === "admin api call");
    expect(calls.map((line) => line.operation)).toContain("ProductSeoUpdate");
    expect(lines.at(-1)).toMatchObject({
      msg: "job finished",
      outcome: "ok",
      ms: expect.any(Number),
    });
    const request = requestLines(requestId);
    expect(request.find((line) => line.msg === "bulk SEO run started")).toMatchObject({ runId });
    for (const line of request) expect(line).not.toHaveProperty("jobId");
  });
});
