// Sentry first: its tracing hooks into Remix, Express and HTTP as they are loaded (decision 008).
import "./app/observability/instrument.server";

import { randomUUID } from "node:crypto";
import type { Server, ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";

import { Lifecycle, ServiceStartError, type Service } from "./app/lifecycle.server";
import type { RequestObservability } from "./app/observability/request.server";
import type { AppRuntime } from "./app/runtime.server";

// Development serves the app from source through Vite unless told to serve the last build, as
// the offline demo does for a fast first page.
const serveSource =
  process.env.NODE_ENV === "development" && !process.argv.includes("--serve-build");
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The Remix build carries the app's runtime (environment, logger, database) so that this server
 * and the route handlers share one of each.
 */
async function loadApp() {
  if (!serveSource) {
    const buildUrl = pathToFileURL(path.resolve("build/server/index.js")).href;
    const build = (await import(buildUrl)) as ServerBuild;
    return { build, ...fromBuild(build), routes: () => build.routes, vite: undefined };
  }

  const vite = await import("vite").then(({ createServer }) => createServer());
  // Remix loads the build on every request in development; the latest one names the routes.
  let latest: ServerBuild | undefined;
  const loadBuild = async () => {
    latest = (await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
    return latest;
  };
  const first = await loadBuild();
  return { build: loadBuild, ...fromBuild(first), routes: () => (latest ?? first).routes, vite };
}

function fromBuild(build: ServerBuild) {
  const entry = build.entry.module as unknown as {
    runtime: AppRuntime;
    requestObservability: RequestObservability;
  };
  return { runtime: entry.runtime, observability: entry.requestObservability };
}

/**
 * Every request runs in its own context scope: whatever is logged while handling it carries the
 * request id and route, and the shop once authentication has named it.
 */
function requestContext(
  runtime: AppRuntime,
  observability: RequestObservability,
  routes: () => ServerBuild["routes"],
) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("X-Request-Id");
    const requestId = header && REQUEST_ID.test(header) ? header : randomUUID();
    const startedAt = performance.now();
    const route =
      req.path === "/healthz" ? "healthz" : observability.routeIdFor(routes(), req.path);
    const scope = observability.createScope({ requestId, route });
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);

    // "close" comes after "finish", and alone when the client went away before the answer was
    // sent: such a request is logged too, marked as aborted.
    res.once("close", () => {
      const ms = Math.round(performance.now() - startedAt);
      const aborted = !res.writableFinished;
      // The path only: query strings carry session tokens and HMACs.
      const line = {
        requestId,
        method: req.method,
        path: req.path,
        route: scope.route,
        shop: scope.shop,
        status: res.statusCode,
        ms,
        ...(aborted && { aborted }),
      };
      if (aborted) runtime.logger.warn(line, "request aborted by the client");
      else if (req.path === "/healthz") runtime.logger.debug(line, "request");
      else runtime.logger.info(line, "request");
      if (scope.route) {
        observability.recordRequest({
          method: req.method,
          route: scope.route,
          status: res.statusCode,
          ms,
        });
      }
    });
    observability.runInScope(scope, next);
  };
}

function httpService(app: express.Express, runtime: AppRuntime): Service {
  let server: Server | undefined;
  let draining = false;
  return {
    name: "http",
    start: () =>
      new Promise((resolve, reject) => {
        server = app
          .listen(runtime.env.PORT, runtime.env.LISTEN_HOST, resolve)
          .once("error", reject);
        // While draining, a keep-alive connection is closed as soon as its last response is
        // sent, rather than held open until the client's keep-alive timeout.
        server.on("request", (_req, res: ServerResponse) => {
          res.once("finish", () => {
            if (draining) setImmediate(() => server?.closeIdleConnections());
          });
        });
      }),
    stop: () =>
      new Promise((resolve, reject) => {
        if (!server) return resolve();
        draining = true;
        const deadline = setTimeout(() => {
          runtime.logger.warn("in-flight requests outlived the shutdown deadline; closing them");
          server?.closeAllConnections();
        }, runtime.env.SHUTDOWN_TIMEOUT_MS).unref();
        server.close((error) => {
          clearTimeout(deadline);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

async function main() {
  const { build, runtime, observability, routes, vite } = await loadApp();
  const log = runtime.logger;
  const app = express();
  app.disable("x-powered-by");
  app.use(requestContext(runtime, observability, routes));

  app.get("/healthz", async (_req, res) => {
    try {
      await runtime.checkHealth();
      res.json({ status: "ok", database: "ok" });
    } catch (err) {
      log.error({ err, component: "http", operation: "healthz" }, "health check failed");
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });

  if (vite) {
    app.use(vite.middlewares);
  } else {
    // File names under /assets carry a content hash, so they never change.
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: runtime.env.NODE_ENV,
      getLoadContext: (_req, res) => ({ requestId: res.locals.requestId, log }),
    }),
  );

  const lifecycle = new Lifecycle(log);
  // Registered first so that it stops last, sending what the other services reported.
  lifecycle.register(observability.sentryService);
  for (const service of runtime.services) lifecycle.register(service);
  if (vite) lifecycle.register({ name: "vite", start: async () => {}, stop: () => vite.close() });
  lifecycle.register(httpService(app, runtime));

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const clean = await lifecycle.stopAll();
    process.exit(clean ? 0 : 1);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  try {
    await lifecycle.startAll();
  } catch (error) {
    const service = error instanceof ServiceStartError ? error.service : "unknown";
    log.fatal({ name: service, err: error }, `could not start: service "${service}" failed`);
    await lifecycle.stopAll();
    process.exit(1);
  }

  log.info(
    { port: runtime.env.PORT, startupMs: Math.round(performance.now()) },
    "Searchlight SEO is listening",
  );
}

await main();
