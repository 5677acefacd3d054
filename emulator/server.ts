import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { adminFrameRoute } from "./admin-frame/route";
import { cdnRoute } from "./cdn";
import { controlRouter } from "./control";
import { routeFaults } from "./fault-middleware";
import { journalMiddleware } from "./journal";
import { sentrySink } from "./sentry/route";
import { graphqlRoute } from "./shopify/graphql/route";
import { tokenExchangeRoute } from "./shopify/token-exchange";
import type { EmulatorState } from "./state";
import { scriptRoute } from "./static-scripts";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function isLoopbackAddress(address: string | undefined): boolean {
  return Boolean(
    address &&
    (address.startsWith("127.") || address === "::1" || address.startsWith("::ffff:127.")),
  );
}

/**
 * Only this machine may talk to the emulator, under a loopback host name (a page on another
 * site cannot reach it through DNS rebinding either).
 */
const loopbackOnly: RequestHandler = (req, res, next) => {
  const hostname = (req.headers.host ?? "").replace(/:\d+$/, "");
  if (!isLoopbackAddress(req.socket.remoteAddress) || !LOOPBACK_HOSTS.has(hostname)) {
    res.status(403).json({ errors: "The emulator only answers requests to 127.0.0.1" });
    return;
  }
  next();
};

export function createEmulatorApp(state: EmulatorState): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);

  app.use(loopbackOnly);
  app.use(journalMiddleware(state.journal, state.clock, state.logger));

  app.get("/app-bridge.js", scriptRoute("./app-bridge/app-bridge.js", "app-bridge"));
  app.get("/admin-frame.js", scriptRoute("./admin-frame/admin-frame.js", "frame"));
  app.get(
    ["/store/:handle/apps/:appHandle", "/store/:handle/apps/:appHandle/*"],
    adminFrameRoute(state),
  );

  app.post(
    "/shop/:shop/admin/oauth/access_token",
    express.json(),
    express.urlencoded({ extended: false }),
    routeFaults(state, "token-exchange"),
    tokenExchangeRoute(state),
  );
  app.post(
    "/shop/:shop/admin/api/:version/graphql.json",
    express.json({ limit: "2mb" }),
    express.text({ type: "application/graphql", limit: "2mb" }),
    graphqlRoute(state),
  );

  app.get("/cdn/:shop/products/:file", cdnRoute);
  app.use("/__emulator", controlRouter(state));
  app.use(sentrySink(state));

  app.use((_req, res) => {
    res.status(404).json({ errors: "Not Found" });
  });
  app.use(errorHandler(state));
  return app;
}

function errorHandler(state: EmulatorState): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ errors: (error as Error).message });
      return;
    }
    state.logger.error({ err: error, path: req.path }, "emulator request failed");
    res.status(500).json({ errors: "Internal Server Error" });
  };
}
