/**
 * POST /shop/:shop/admin/oauth/access_token, answering what `@shopify/shopify-api` 15 sends:
 * token exchange of a session token for an online or offline token (expiring offline tokens
 * with a refresh token when `expiring` is "1"), refresh of an expiring offline token, and the
 * migration of a non-expiring offline token to an expiring one.
 */
import type { RequestHandler } from "express";
import { isRecord } from "../http";
import { noteRequest } from "../journal";
import type { EmulatorState } from "../state";
import type { AccessGrant } from "./access-tokens";
import { verifySessionToken } from "./session-token";
import type { ShopRecord } from "./shops";

const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";
const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";

const ONLINE_TOKEN_SECONDS = 86_399;
const EXPIRING_OFFLINE_SECONDS = 3_600;
const REFRESH_TOKEN_SECONDS = 7_776_000;

type Answer = { status: number; body: Record<string, unknown> };

type Exchange = {
  state: EmulatorState;
  shop: ShopRecord;
  params: Record<string, string>;
  now: number;
};

function oauthError(error: string, description: string, status = 400): Answer {
  return { status, body: { error, error_description: description } };
}

/** JSON (what shopify-api sends) or a form body, flattened to strings. */
function readParams(body: unknown): Record<string, string> {
  if (!isRecord(body)) return {};
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, value]) => typeof value === "string" || typeof value === "number")
      .map(([key, value]) => [key, String(value)]),
  );
}

function offlineAnswer(exchange: Exchange, scopes: string[], expiring: boolean): Answer {
  const { state, shop, now } = exchange;
  const grant = state.tokens.create({
    shop: shop.domain,
    kind: "offline",
    scopes,
    expiresAt: expiring ? now + EXPIRING_OFFLINE_SECONDS * 1000 : null,
    userId: null,
  });
  const scope = scopes.join(",");
  if (!expiring) return { status: 200, body: { access_token: grant.token, scope } };

  const refresh = state.tokens.createRefresh({
    shop: shop.domain,
    scopes,
    expiresAt: now + REFRESH_TOKEN_SECONDS * 1000,
  });
  return {
    status: 200,
    body: {
      access_token: grant.token,
      expires_in: EXPIRING_OFFLINE_SECONDS,
      refresh_token: refresh.token,
      refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
      scope,
    },
  };
}

function onlineAnswer(exchange: Exchange, userId: number): Answer {
  const { state, shop, now } = exchange;
  const scopes = state.app.scopes;
  const grant: AccessGrant = state.tokens.create({
    shop: shop.domain,
    kind: "online",
    scopes,
    expiresAt: now + ONLINE_TOKEN_SECONDS * 1000,
    userId,
  });
  const scope = scopes.join(",");
  return {
    status: 200,
    body: {
      access_token: grant.token,
      scope,
      expires_in: ONLINE_TOKEN_SECONDS,
      associated_user_scope: scope,
      associated_user: {
        id: userId,
        first_name: shop.owner.firstName,
        last_name: shop.owner.lastName,
        email: shop.owner.email,
        email_verified: true,
        account_owner: userId === shop.owner.id,
        locale: shop.owner.locale,
        collaborator: false,
      },
    },
  };
}

function exchangeSessionToken(exchange: Exchange): Answer {
  const { state, shop, params, now } = exchange;
  if (!params.subject_token) {
    return oauthError("missing_subject_token", "The subject_token parameter is required.");
  }
  const verified = verifySessionToken(params.subject_token, {
    shop: shop.domain,
    apiKey: state.app.apiKey,
    apiSecret: state.app.apiSecret,
    now,
  });
  if (!verified.ok) {
    return oauthError("invalid_subject_token", `The subject token is invalid: ${verified.reason}.`);
  }

  const expiring = params.expiring === "1";
  if (params.requested_token_type === OFFLINE_TOKEN_TYPE) {
    return offlineAnswer(exchange, state.app.scopes, expiring);
  }
  if (params.requested_token_type === ONLINE_TOKEN_TYPE) {
    return onlineAnswer(exchange, Number(verified.claims.sub));
  }
  return oauthError("invalid_request", "requested_token_type is missing or not supported.");
}

function migrateOfflineToken(exchange: Exchange): Answer {
  const { state, shop, params, now } = exchange;
  const current = state.tokens.find(params.subject_token ?? "", shop.domain, now);
  if (!current || current.kind !== "offline" || current.expiresAt !== null) {
    return oauthError("invalid_subject_token", "The subject token is not a non-expiring token.");
  }
  return offlineAnswer(exchange, current.scopes, true);
}

function refreshOfflineToken(exchange: Exchange): Answer {
  const { state, shop, params, now } = exchange;
  const refresh = state.tokens.useRefresh(params.refresh_token ?? "", shop.domain, now);
  if (!refresh) return oauthError("invalid_grant", "The refresh token is invalid or expired.");
  return offlineAnswer(exchange, refresh.scopes, true);
}

function answer(exchange: Exchange): Answer {
  const { state, params } = exchange;
  const clientMatches =
    params.client_id === state.app.apiKey && params.client_secret === state.app.apiSecret;
  if (!clientMatches) return oauthError("invalid_client", "Client credentials are invalid.");

  if (params.grant_type === "refresh_token") return refreshOfflineToken(exchange);
  if (params.grant_type !== TOKEN_EXCHANGE_GRANT) {
    return oauthError("unsupported_grant_type", "Only token exchange and refresh are emulated.");
  }
  if (params.subject_token_type === ID_TOKEN_TYPE) return exchangeSessionToken(exchange);
  if (params.subject_token_type === OFFLINE_TOKEN_TYPE) return migrateOfflineToken(exchange);
  return oauthError("invalid_request", "subject_token_type is missing or not supported.");
}

export function tokenExchangeRoute(state: EmulatorState): RequestHandler {
  return (req, res) => {
    const domain = String(req.params.shop);
    noteRequest(res, { kind: "token-exchange", shop: domain });

    const shop = state.shops.get(domain);
    if (!shop) {
      res.status(404).json({ errors: "Not Found" });
      return;
    }

    const exchange = { state, shop, params: readParams(req.body), now: state.clock() };
    const { status, body } = answer(exchange);
    if (status !== 200) {
      state.logger.info({ shop: domain, error: body.error }, "token request refused");
    }
    res.status(status).json(body);
  };
}
