import { randomBytes } from "node:crypto";

import * as Sentry from "@sentry/remix";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { parseEnvelope, type Envelope } from "../../../emulator/sentry/envelope";
import { traceAdminCall } from "~/observability/admin-trace.server";
import { runWithContext } from "~/observability/context.server";
import { createLogger } from "~/observability/create-logger.server";
import { observeJob } from "~/observability/job.server";
import { forwardToSentry } from "~/observability/sentry-forward.server";
import { startServerSentry } from "~/observability/sentry-options.server";
import { captureWithContext, identifyShop } from "~/observability/sentry.server";
import { traceProcedure } from "~/observability/trpc.server";

type Payload = Record<string, unknown> & {
  tags?: Record<string, string>;
  extra?: Record<string, unknown>;
  user?: Record<string, unknown>;
  level?: string;
  message?: string;
  exception?: { values: Array<{ type: string; value: string }> };
  transaction?: string;
  contexts?: Record<string, unknown>;
  spans?: Array<{
    op?: string;
    description?: string;
    status?: string;
    data?: Record<string, unknown>;
  }>;
  items?: Array<{ name: string; value: number; attributes: Record<string, { value: unknown }> }>;
};

const envelopes: Envelope[] = [];
const lines: string[] = [];
const { logger } = createLogger({
  level: "debug",
  base: { service: "searchlight-seo", environment: "test", release: "r" },
  pretty: false,
  stdout: { write: (line: string) => lines.push(line) },
  onErrorLine: forwardToSentry,
});

async function sent(type: string): Promise<Payload[]> {
  await Sentry.flush(2_000);
  return envelopes
    .flatMap((envelope) => envelope.items)
    .filter((item) => item.type === type)
    .map((item) => item.payload as Payload);
}

function named(error: Error, name: string, code?: string): Error {
  return Object.assign(error, { name, ...(code && { code }) });
}

describe("server-side Sentry", () => {
  beforeAll(() => {
    startServerSentry(
      {
        dsn: "http://public@127.0.0.1:9/1",
        environment: "test",
        release: "searchlight-seo@1.0.0",
        tracesSampleRate: 1,
        profilesSampleRate: 0,
      },
      {
        transport: (options) =>
          Sentry.createTransport(options, async (request) => {
            envelopes.push(parseEnvelope(Buffer.from(request.body)));
            return { statusCode: 200 };
          }),
        integrations: [],
        defaultIntegrations: false,
      },
    );
  });

  afterAll(async () => {
    await Sentry.close(2_000);
  });

  beforeEach(() => {
    envelopes.length = 0;
  });

  it("sends an error logged with an Error, tagged with its component, operation and scope", async () => {
    await Sentry.withIsolationScope(() =>
      runWithContext({ requestId: "req-1", route: "routes/app" }, async () => {
        identifyShop({ domain: "a.myshopify.com", name: "Alpha", email: "a@x.test", plan: "Pro" });
        logger.error(
          {
            err: new Error("charge failed"),
            component: "billing",
            operation: "charge",
            invoice: 7,
          },
          "could not charge",
        );
      }),
    );

    const [event] = await sent("event");
    expect(event?.exception?.values[0]).toMatchObject({ type: "Error", value: "charge failed" });
    expect(event?.tags).toMatchObject({
      component: "billing",
      operation: "charge",
      requestId: "req-1",
      route: "routes/app",
      shop: "a.myshopify.com",
    });
    expect(event?.extra).toMatchObject({ invoice: 7, message: "could not charge" });
    expect(event?.user).toEqual({
      id: "a.myshopify.com",
      username: "Alpha",
      email: "a@x.test",
      plan: "Pro",
    });
  });

  it("sends a message at error level when no Error was logged, tagged unknown", async () => {
    logger.error({ shopCount: 2 }, "nightly plan processing skipped two shops");

    const [event] = await sent("event");
    expect(event).toMatchObject({
      level: "error",
      message: "nightly plan processing skipped two shops",
      tags: { component: "unknown", operation: "unknown" },
      extra: { shopCount: 2 },
    });
  });

  it("sends an error once when the caller captured it and then logs it", async () => {
    const error = new Error("reported twice?");

    captureWithContext(error, { component: "jobs", operation: "backup" });
    logger.error({ err: error }, "backup failed");

    expect(await sent("event")).toHaveLength(1);
  });

  it("sends a failed procedure once: Sentry's tRPC capture, not the log of its cause", async () => {
    const cause = new Error("Admin API operation ShopInfo failed");
    const failure = new TRPCError({ code: "BAD_GATEWAY", message: cause.message, cause });

    await traceProcedure({
      path: "shop.info",
      type: "query",
      next: async () => ({ ok: false as const, error: failure }),
    });
    logger.error({ err: cause }, "procedure failed");

    const events = await sent("event");
    expect(events).toHaveLength(1);
    expect(events[0]?.tags).toMatchObject({ component: "trpc", operation: "shop.info" });
  });

  it("drops known noise and refusals, keeps real failures", async () => {
    class SessionNotFoundError extends Error {}
    Sentry.captureException(new SessionNotFoundError("Could not find a session for shop x"));
    Sentry.captureException(named(new Error("read ECONNRESET"), "Error", "ECONNRESET"));
    Sentry.captureException(new Error("socket hang up"));
    Sentry.captureException(new TRPCError({ code: "FORBIDDEN", message: "not installed" }));
    Sentry.captureException(new TRPCError({ code: "BAD_REQUEST", message: "bad input" }));
    Sentry.captureException(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "boom" }));

    const events = await sent("event");
    expect(events.map((event) => event.exception?.values.at(-1)?.value)).toEqual(["boom"]);
  });

  it("scrubs secrets from events and drops the query string", async () => {
    const token = `shpat_${randomBytes(16).toString("hex")}`;
    const keyBody = randomBytes(24).toString("base64");
    const hmac = randomBytes(8).toString("hex");
    const idToken = ["eyJ", "eyJ", ""]
      .map((part) => part + randomBytes(9).toString("hex"))
      .join(".");
    Sentry.withScope((scope) => {
      scope.setExtras({ session: { accessToken: token }, note: `Bearer ${token}` });
      scope.setContext("google", { credentials: { private_key: `PRIVATE KEY ${keyBody}` } });
      scope.setSDKProcessingMetadata({
        normalizedRequest: {
          url: `https://app.test/app?id_token=${idToken}&hmac=${hmac}`,
          query_string: `id_token=${idToken}&hmac=${hmac}`,
          headers: { authorization: `Bearer ${token}`, cookie: "s=1" },
        },
      });
      Sentry.captureException(new Error(`token ${token} refused`));
    });

    const [event] = await sent("event");
    const text = JSON.stringify(event);
    expect(text).not.toContain(token);
    expect(text).not.toContain(keyBody);
    expect(text).not.toContain(hmac);
    expect(text).not.toContain(idToken);
    expect(event?.exception?.values[0]?.value).toBe("token [redacted] refused");
  });

  it("traces an Admin call with its cost and records the points spent", async () => {
    await Sentry.startSpan({ name: "GET /app", op: "http.server" }, () =>
      traceAdminCall(
        { operation: "ShopInfo", shop: "a.myshopify.com", attempt: 2 },
        async () => ({ data: {}, extensions: { cost: { requested: 3, actual: 2 } } }),
        (body) => ({
          outcome: "data",
          cost: { ...body.extensions.cost, available: 1998, maximum: 2000, restoreRate: 100 },
        }),
      ),
    );

    const [transaction] = await sent("transaction");
    expect(transaction?.spans).toContainEqual(
      expect.objectContaining({
        op: "http.graphql",
        description: "Admin GraphQL ShopInfo",
        data: expect.objectContaining({
          "graphql.operation.name": "ShopInfo",
          "shopify.shop": "a.myshopify.com",
          "shopify.attempt": 2,
          "shopify.outcome": "data",
          "shopify.cost.requested": 3,
          "shopify.cost.actual": 2,
          "shopify.throttle.available": 1998,
          "shopify.throttle.maximum": 2000,
          "shopify.throttle.restore_rate": 100,
        }),
      }),
    );
    const metrics = (await sent("trace_metric")).flatMap((batch) => batch.items ?? []);
    expect(metrics).toContainEqual(
      expect.objectContaining({ name: "shopify.graphql.cost", value: 2 }),
    );
    expect(metrics).toContainEqual(expect.objectContaining({ name: "shopify.graphql.calls" }));
  });

  it("marks a THROTTLED answer's span as failed, with the bucket it reported", async () => {
    await Sentry.startSpan({ name: "job bulk", op: "job" }, () =>
      traceAdminCall(
        { operation: "ProductSeoUpdate", attempt: 1 },
        async () => "throttled",
        () => ({
          outcome: "throttled",
          failed: true,
          cost: { requested: 10, actual: null, available: 4 },
        }),
      ),
    );

    const [transaction] = await sent("transaction");
    const span = transaction?.spans?.find((each) => each.op === "http.graphql");
    expect(span).toMatchObject({
      status: "resource_exhausted",
      data: expect.objectContaining({
        "shopify.outcome": "throttled",
        "shopify.cost.requested": 10,
        "shopify.throttle.available": 4,
      }),
    });
    expect(span?.data).not.toHaveProperty("shopify.cost.actual");
  });

  it("runs a job in its own scopes, not the request's that started it", async () => {
    lines.length = 0;
    let requestTrace: string | undefined;

    await Sentry.withIsolationScope((requestScope) =>
      runWithContext({ requestId: "req-9", route: "routes/api.trpc.$" }, () =>
        Sentry.startSpan({ name: "POST /api/trpc", op: "http.server" }, (span) => {
          requestTrace = span.spanContext().traceId;
          requestScope.setTags({ component: "trpc", route: "routes/api.trpc.$" });
          return observeJob(
            "reviews-crawl",
            { log: logger, shop: "a.myshopify.com", runId: "run-1" },
            async () => {
              logger.info({ pages: 2 }, "crawled");
            },
          );
        }),
      ),
    );

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map((line) => line.msg)).toEqual(["job started", "crawled", "job finished"]);
    const jobId = logged[0]?.jobId;
    expect(jobId).toEqual(expect.any(String));
    for (const line of logged) {
      expect(line).toMatchObject({ job: "reviews-crawl", jobId, runId: "run-1" });
      expect(line.shop).toBe("a.myshopify.com");
      expect(line).not.toHaveProperty("requestId");
      expect(line).not.toHaveProperty("route");
    }
    expect(logged[2]).toMatchObject({ outcome: "ok", ms: expect.any(Number) });

    const job = (await sent("transaction")).find(
      (each) => each.transaction === "job reviews-crawl",
    );
    expect(job?.tags).toMatchObject({
      component: "job",
      job: "reviews-crawl",
      jobId,
      runId: "run-1",
      shop: "a.myshopify.com",
    });
    expect(job?.tags).not.toHaveProperty("requestId");
    expect(job?.tags).not.toHaveProperty("route");
    const trace = job?.contexts?.trace as { trace_id?: string; links?: unknown[] } | undefined;
    expect(trace?.trace_id).not.toBe(requestTrace);
    expect(trace?.links).toContainEqual(expect.objectContaining({ trace_id: requestTrace }));
    const metrics = (await sent("trace_metric")).flatMap((batch) => batch.items ?? []);
    const duration = metrics.find((metric) => metric.name === "job.duration");
    expect(duration?.attributes.outcome?.value).toBe("ok");
  });
});
