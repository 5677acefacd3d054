import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";

import { testDatabaseProviders } from "../database/databases";
import { startObservedStack, type ObservedStack } from "./observed-stack";
import {
  appFrames,
  errorEvents,
  exceptionTypes,
  transactions,
  waitFor,
  type SentryEvent,
} from "./sentry-events";

const SHOP = { domain: "alpha-outfitters.myshopify.com", name: "Alpha Outfitters", products: 3 };
// A shop the emulator answers THROTTLED for every ShopInfo query, until the client gives up.
const THROTTLED = { domain: "throttled-goods.myshopify.com", name: "Throttled Goods", products: 1 };

function tagged(requestId: string) {
  return (events: SentryEvent[]) => events.filter((event) => event.tags?.requestId === requestId);
}

describe.each(testDatabaseProviders())("errors reaching Sentry on %s", (provider) => {
  let stack: ObservedStack;
  let db: Database;

  beforeAll(async () => {
    stack = await startObservedStack(provider, { sentry: true, shops: [SHOP, THROTTLED] });
    db = createDatabase(stack.databaseUrl);
    // Installs both shops: token exchange, Shop rows and their free plans.
    expect((await stack.trpc("shop.info", SHOP.domain)).status).toBe(200);
    expect((await stack.trpc("shop.info", THROTTLED.domain)).status).toBe(200);
    await stack.addFault({ kind: "throttle", shop: THROTTLED.domain, operationName: "ShopInfo" });
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
  });

  it("sends request durations as metrics", async () => {
    const metrics = await waitFor(
      async () =>
        (await stack.sentryItems("trace_metric")).flatMap(
          (item) => (item.payload as { items: Array<Record<string, unknown>> }).items,
        ),
      (items) => items.filter((item) => item.name === "http.server.duration"),
      { timeoutMs: 15_000 },
    );
    expect(metrics[0]).toMatchObject({ type: "distribution", unit: "millisecond" });
  });
});
