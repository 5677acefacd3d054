import { randomUUID } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { describeFault, pause } from "../../faults";
import { asyncRoute, isRecord } from "../../http";
import { noteRequest } from "../../journal";
import type { EmulatorState } from "../../state";
import { productPayload, productDeletePayload } from "../webhooks/payloads";
import type { ProductEvent } from "./resolvers/context";
import { operationNameOf, runAdminQuery, type GraphqlRequest } from "./run-query";
import { ADMIN_API_VERSION, adminSchema } from "./schema";

const INVALID_TOKEN =
  "[API] Invalid API key or access token (unrecognized login or wrong password)";

function parseVariables(value: unknown): Record<string, unknown> | null | undefined {
  if (typeof value === "string") {
    try {
      const parsed = JSON.parse(value) as unknown;
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  if (value === undefined || value === null) return null;
  return isRecord(value) ? value : undefined;
}

/** JSON bodies as the Shopify clients send them, or a bare `application/graphql` query. */
function readGraphqlRequest(req: Request): GraphqlRequest | undefined {
  if (typeof req.body === "string") return req.body.trim() ? { query: req.body } : undefined;
  if (!isRecord(req.body) || typeof req.body.query !== "string") return undefined;

  const variables = parseVariables(req.body.variables);
  if (variables === undefined) return undefined;
  const operationName = req.body.operationName;
  return {
    query: req.body.query,
    variables,
    operationName: typeof operationName === "string" ? operationName : null,
  };
}

const STATUS_TEXT: Record<number, string> = {
  429: "Exceeded the rate limit. Reduce request rates to resume uninterrupted service.",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function sendProductWebhook(state: EmulatorState, shop: string, event: ProductEvent) {
  const payload =
    event.topic === "products/delete"
      ? productDeletePayload(event.product)
      : productPayload(event.product, state.baseUrl);
  state.webhooks.send(shop, event.topic, payload);
}

/** POST /shop/:shop/admin/api/:version/graphql.json */
export function graphqlRoute(state: EmulatorState): RequestHandler {
  return asyncRoute(async (req, res) => {
    const domain = String(req.params.shop);
    noteRequest(res, { kind: "graphql", shop: domain });
    // shopify-api quotes this id in its error messages, as Shopify support asks for it.
    res.set("X-Request-Id", randomUUID());

    const shop = state.shops.get(domain);
    if (req.params.version !== ADMIN_API_VERSION || !shop) {
      res.status(404).json({ errors: "Not Found" });
      return;
    }

    const token = req.get("X-Shopify-Access-Token") ?? "";
    const grant = state.tokens.find(token, domain, state.clock());
    if (!grant) {
      res.status(401).json({ errors: INVALID_TOKEN });
      return;
    }

    const request = readGraphqlRequest(req);
    if (!request) {
      res.status(400).json({ errors: { query: "Required parameter missing or invalid" } });
      return;
    }

    const operationName = operationNameOf(adminSchema(), state.documents, request);
    const { latencyMs, fault } = state.faults.draw({
      route: "graphql",
      shop: domain,
      operationName,
    });
    noteRequest(res, { operationName, ...(fault && { fault: describeFault(fault) }) });
    await pause(latencyMs);
    if (fault?.kind === "status") {
      if (fault.retryAfterSeconds !== undefined) {
        res.set("Retry-After", String(fault.retryAfterSeconds));
      }
      res.status(fault.status).json({ errors: STATUS_TEXT[fault.status] ?? "Error" });
      return;
    }
    if (fault?.kind === "reset" && fault.timing === "before") {
      req.socket.resetAndDestroy();
      return;
    }

    const result = await runAdminQuery({
      schema: adminSchema(),
      documents: state.documents,
      shop,
      grant,
      request,
      baseUrl: state.baseUrl,
      clock: state.clock,
      forceThrottle: fault?.kind === "throttle",
      emit: (event) => sendProductWebhook(state, domain, event),
    });
    noteRequest(res, {
      operationName: result.operationName,
      ...(result.cost && { cost: result.cost }),
    });
    if (fault?.kind === "reset") {
      req.socket.resetAndDestroy();
      return;
    }
    res.status(200).json(result.body);
  });
}
