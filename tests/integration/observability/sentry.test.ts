import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";

import { testDatabaseProviders, type TestDatabaseProvider } from "../database/databases";
import {
  startObservedStack,
  THROTTLED_SHOP as THROTTLED,
  type ObservedStack,
} from "./observed-stack";
import {
  appFrames,
  errorEvents,
  exceptionTypes,
  framesOf,
  metricItems,
  transactions,
  waitFor,
  type SentryEvent,
} from "./sentry-events";

const SHOP = { domain: "alpha-outfitters.myshopify.com", name: "Alpha Outfitters", products: 3 };
// A shop whose offline session is gone as soon as it is stored, as when the merchant uninstalls
// just as the app starts work for them: the catalog sync cannot find a session.
const GONE = { domain: "gone-goods.myshopify.com", name: "Gone Goods", products: 1 };

/** Makes the database drop the shop's sessions the moment they are stored. */
async function forgetSessionsOf(db: Database, provider: TestDatabaseProvider, shop: string) {
  if (provider === "sqlite") {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "forget_sessions" AFTER INSERT ON "Session" WHEN NEW."shop" = '${shop}'
       BEGIN DELETE FROM "Session" WHERE "id" = NEW."id"; END`,
    );
    return;
  }
  await db.$executeRawUnsafe(
    `CREATE FUNCTION forget_session() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN DELETE FROM "Session" WHERE "id" = NEW."id"; RETURN NULL; END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER forget_sessions AFTER INSERT ON "Session" FOR EACH ROW
     WHEN (NEW."shop" = '${shop}') EXECUTE FUNCTION forget_session()`,
  );
}

function tagged(requestId: string) {
  return (events: SentryEvent[]) => events.filter((event) => event.tags?.requestId === requestId);
}

describe.each(testDatabaseProviders())("errors reaching Sentry on %s", (provider) => {
  let stack: ObservedStack;
  let db: Database;

  beforeAll(async () => {
    stack = await startObservedStack(provider, { sentry: true, shops: [SHOP, THROTTLED, GONE] });
    db = createDatabase(stack.databaseUrl);
    // Installs both shops: token exchange, Shop rows and their free plans. The throttled shop's
    // details cannot be read from Shopify, so its row is given them as an earlier visit would.
    expect((await stack.trpc("shop.info", SHOP.domain)).status).toBe(200);
    expect((await stack.trpc("shop.info", THROTTLED.domain)).status).toBe(502);
    await db.shop.update({
      where: { domain: THROTTLED.domain },
      data: { name: THROTTLED.name, email: "owner@throttled-goods.example" },
    });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  });

  it("reports a failing tRPC procedure once, with the shop as user and where it failed", async () => {
    const requestId = `trpc-${randomUUID()}`;

    const response = await stack.trpc("shop.info", THROTTLED.domain, { "X-Request-Id": requestId });

    expect(response.status).toBe(502);
    const [event] = await waitFor(() => errorEvents(stack), tagged(requestId));
    expect(event?.tags).toMatchObject({
      component: "trpc",
      operation: "shop.info",
      procedure: "shop.info",
      route: "routes/api.trpc.$",
      shop: THROTTLED.domain,
    });
    expect(event?.user).toMatchObject({
      id: THROTTLED.domain,
      username: THROTTLED.name,
      email: expect.stringContaining("@"),
      plan: "Free",
    });
    expect(exceptionTypes(event as SentryEvent)).toEqual(
      expect.arrayContaining(["AdminThrottledError", "TRPCError"]),
    );
    expect(appFrames(event as SentryEvent).length).toBeGreaterThan(0);

    // The route logs the same failure at error level; it must not become a second event.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(tagged(requestId)(await errorEvents(stack))).toHaveLength(1);
  });

  it("reports a failing loader with the shop as user and the request's id", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "ActivePlan" RENAME TO "ActivePlanMoved"`);
    const requestId = `loader-${randomUUID()}`;
    let status: number;
    try {
      status = (await stack.openApp(SHOP.domain, { "X-Request-Id": requestId })).status;
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "ActivePlanMoved" RENAME TO "ActivePlan"`);
    }

    expect(status).toBe(500);
    const [event] = await waitFor(() => errorEvents(stack), tagged(requestId));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(tagged(requestId)(await errorEvents(stack))).toHaveLength(1);
    expect(event?.tags).toMatchObject({
      component: "remix",
      operation: "loader",
      route: "routes/app._index",
      shop: SHOP.domain,
    });
    expect(event?.user).toMatchObject({ id: SHOP.domain });
    expect(exceptionTypes(event as SentryEvent)).toContain("PrismaClientKnownRequestError");
    expect(event?.request?.url).not.toContain("?");
    // Oldest call first: Remix calls the route's loader, which awaits the query that failed.
    const frames = framesOf(event as SentryEvent, "PrismaClientKnownRequestError");
    const loader = frames.findIndex((frame) => frame.in_app);
    expect(frames[loader]).toMatchObject({
      function: "loader",
      filename: expect.stringMatching(/build\/server\/index\.js$/),
      lineno: expect.any(Number),
      context_line: expect.stringContaining("prisma.shop.findUnique"),
    });
    expect(frames.filter((frame) => frame.in_app)).toHaveLength(1);
    const remix = frames.findIndex((frame) => frame.function === "Object.callRouteLoader");
    expect(remix).toBeGreaterThanOrEqual(0);
    expect(remix).toBeLessThan(loader);
    expect(frames.at(-1)?.filename).toContain("@prisma/client");
  });

  it("does not report refusals: a bad session token, an uninstalled shop", async () => {
    const requestId = `refused-${randomUUID()}`;
    const bad = await stack.request("/api/trpc/shop.info", {
      headers: { Authorization: "Bearer not-a-session-token", "X-Request-Id": requestId },
    });
    await db.shop.update({ where: { domain: SHOP.domain }, data: { uninstalledAt: new Date() } });
    const forbidden = await stack.trpc("shop.info", SHOP.domain, { "X-Request-Id": requestId });
    await db.shop.update({ where: { domain: SHOP.domain }, data: { uninstalledAt: null } });

    expect(bad.status).toBe(401);
    expect(forbidden.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(tagged(requestId)(await errorEvents(stack))).toEqual([]);
  });

  it("drops a missing session as noise, while a real failure of the same run is sent", async () => {
    await forgetSessionsOf(db, provider, GONE.domain);

    // Installing starts the catalog sync, which looks for the session the request stored.
    expect((await stack.trpc("shop.info", GONE.domain)).status).toBe(200);

    const failedSync = (line: Record<string, unknown>) =>
      line.msg === "catalog sync failed" && line.shop === GONE.domain;
    await expect.poll(() => stack.app.logs.filter(failedSync)).toHaveLength(1);
    expect(JSON.stringify(stack.app.logs.filter(failedSync))).toContain("Could not find a session");
    // The throttled shop's sync failed as it was installed, for a reason worth reporting.
    const throttledSync = (events: SentryEvent[]) =>
      events.filter(
        (event) => event.tags?.job === "catalog-sync" && event.tags?.shop === THROTTLED.domain,
      );
    const [reported] = await waitFor(() => errorEvents(stack), throttledSync);
    expect(exceptionTypes(reported as SentryEvent)).toContain("AdminThrottledError");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const events = await errorEvents(stack);
    expect(events.filter((event) => event.tags?.shop === GONE.domain)).toEqual([]);
    expect(JSON.stringify(events)).not.toContain("Could not find a session");
  });

  it("traces a procedure with its database queries and Admin API call", async () => {
    const requestId = `trace-${randomUUID()}`;

    expect((await stack.trpc("shop.info", SHOP.domain, { "X-Request-Id": requestId })).status).toBe(
      200,
    );

    const [transaction] = await waitFor(() => transactions(stack), tagged(requestId));
    expect(transaction?.transaction).toBe("GET api/trpc/*");
    const spans = transaction?.spans ?? [];
    expect(spans).toContainEqual(
      expect.objectContaining({ op: "rpc.server", description: "trpc/shop.info" }),
    );
    expect(spans.filter((span) => span.op === "db").length).toBeGreaterThan(0);
    expect(spans).toContainEqual(expect.objectContaining({ op: "http.client" }));
    // Each attempt of an Admin call is a span named for its operation, with what it cost.
    const admin = spans.filter((span) => span.op === "http.graphql");
    expect(admin).toEqual([
      expect.objectContaining({
        description: "Admin GraphQL ShopInfo",
        status: "ok",
        data: expect.objectContaining({
          "graphql.operation.name": "ShopInfo",
          "shopify.shop": SHOP.domain,
          "shopify.attempt": 1,
          "shopify.outcome": "data",
          "shopify.cost.requested": expect.any(Number),
          "shopify.cost.actual": expect.any(Number),
          "shopify.throttle.available": expect.any(Number),
          "shopify.throttle.maximum": 2000,
          "shopify.throttle.restore_rate": 100,
        }),
      }),
    ]);
    const points = admin[0]?.data?.["shopify.cost.actual"];
    const costs = await waitFor(
      () => metricItems(stack),
      (items) =>
        items.filter(
          (item) =>
            item.name === "shopify.graphql.cost" &&
            item.trace_id === transaction?.contexts?.trace?.trace_id,
        ),
      { timeoutMs: 15_000 },
    );
    expect(costs[0]).toMatchObject({
      type: "distribution",
      value: points,
      attributes: expect.objectContaining({ operation: { type: "string", value: "ShopInfo" } }),
    });
  });

  it("marks the span of a THROTTLED attempt as failed, with the bucket Shopify reported", async () => {
    const requestId = `throttled-${randomUUID()}`;

    const response = await stack.trpc("shop.info", THROTTLED.domain, { "X-Request-Id": requestId });

    expect(response.status).toBe(502);
    const [transaction] = await waitFor(() => transactions(stack), tagged(requestId));
    const admin = (transaction?.spans ?? []).filter((span) => span.op === "http.graphql");
    expect(admin).toEqual([
      expect.objectContaining({
        description: "Admin GraphQL ShopInfo",
        status: "resource_exhausted",
        data: expect.objectContaining({
          "shopify.outcome": "throttled",
          "shopify.cost.requested": expect.any(Number),
          "shopify.throttle.maximum": THROTTLED.bucket.size,
        }),
      }),
    ]);
    expect(admin[0]?.data).not.toHaveProperty("shopify.cost.actual");
  });

  it("sends request durations as metrics", async () => {
    const metrics = await waitFor(
      () => metricItems(stack),
      (items) => items.filter((item) => item.name === "http.server.duration"),
      { timeoutMs: 15_000 },
    );
    expect(metrics[0]).toMatchObject({ type: "distribution", unit: "millisecond" });
  });
});
