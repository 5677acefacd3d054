import { randomUUID } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { asyncRoute, isRecord } from "../../http";
import { noteRequest } from "../../journal";
import type { EmulatorState } from "../../state";
import { runAdminQuery, type GraphqlRequest } from "./run-query";
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

    const result = await runAdminQuery({
      schema: adminSchema(),
      documents: state.documents,
      shop,
      grant,
      request,
      baseUrl: state.baseUrl,
      clock: state.clock,
    });
    noteRequest(res, {
      operationName: result.operationName,
      ...(result.cost && { cost: result.cost }),
    });
    res.status(200).json(result.body);
  });
}
