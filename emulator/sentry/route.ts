/**
 * A stand-in for Sentry's ingestion: SDKs configured with a DSN that points here
 * (`http://<key>@127.0.0.1:<port>/<project>`) post envelopes, which are kept so that the demo
 * and the tests can read what would have reached Sentry.
 */
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Router,
} from "express";
import type { Logger } from "pino";
import { z } from "zod";

import { EnvelopeError, parseEnvelope } from "./envelope";
import { SentryStore } from "./store";

const ENVELOPE_LIMIT = "20mb";
const PROJECT_ID = /^\d+$/;

const itemsQuery = z.object({ type: z.string().optional(), project: z.string().optional() });

/** The key an SDK authenticates with: query string (browsers), header (servers) or the DSN. */
function publicKeyOf(req: Request, dsn: unknown): string | undefined {
  if (typeof req.query.sentry_key === "string") return req.query.sentry_key;
  const auth = /sentry_key=([^,\s]+)/.exec(req.get("X-Sentry-Auth") ?? "");
  if (auth?.[1]) return auth[1];
  if (typeof dsn === "string") return new URL(dsn).username || undefined;
  return undefined;
}

/** Browsers post from the app's origin; Sentry answers them with permissive CORS. */
const cors: RequestHandler = (req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "Content-Type, X-Sentry-Auth, Content-Encoding");
  res.setHeader("Access-Control-Expose-Headers", "X-Sentry-Rate-Limits, Retry-After");
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
};

/** A body that cannot be read (not gzip after all, too large) is refused like a bad envelope. */
const unreadableBody: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== "number" || status < 400 || status >= 500) return next(error);
  res.status(status).json({ detail: error instanceof Error ? error.message : "unreadable body" });
};

function ingest(store: SentryStore, clock: () => number, logger: Logger): RequestHandler {
  return (req, res) => {
    const projectId = req.params.projectId ?? "";
    if (!PROJECT_ID.test(projectId)) {
      res.status(400).json({ detail: "invalid project id" });
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);

    let envelope;
    try {
      envelope = parseEnvelope(body);
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      res.status(400).json({ detail: error.message });
      return;
    }

    const publicKey = publicKeyOf(req, envelope.header.dsn);
    if (!publicKey) {
      res.status(401).json({ detail: "missing authorization information" });
      return;
    }

    store.add({ ...envelope, projectId, publicKey, receivedAt: new Date(clock()).toISOString() });
    const types = envelope.items.map((item) => item.type);
    logger.debug({ projectId, types }, "sentry envelope received");
    res.json({ id: envelope.header.event_id ?? null });
  };
}

export function sentrySink(state: { clock: () => number; logger: Logger }): Router {
  const store = new SentryStore();
  const router = express.Router();

  router.use("/api", cors);
  router.post(
    "/api/:projectId/envelope",
    express.raw({ type: () => true, limit: ENVELOPE_LIMIT }),
    ingest(store, state.clock, state.logger),
    unreadableBody,
  );

  router.get("/__emulator/sentry/envelopes", (_req, res) => {
    res.json({ envelopes: store.listEnvelopes() });
  });

  router.get("/__emulator/sentry/items", (req, res) => {
    const parsed = itemsQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid_request" });
      return;
    }
    const { type, project } = parsed.data;
    res.json({ items: store.listItems({ type, projectId: project }) });
  });

  router.get("/__emulator/sentry/events", (_req, res) => {
    res.json({ events: store.listItems({ type: "event" }).map((item) => item.payload) });
  });

  router.delete("/__emulator/sentry", (_req, res) => {
    store.clear();
    res.status(204).end();
  });

  return router;
}
