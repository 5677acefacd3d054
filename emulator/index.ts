/**
 * A local stand-in for Shopify: Admin GraphQL validated against the real schema, token
 * exchange, the embedded admin frame and an App Bridge stand-in, with a control API and a
 * request journal. See docs/decisions/003-local-emulator.md.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino, type Logger } from "pino";
import { FaultRules } from "./faults";
import { Journal } from "./journal";
import { createEmulatorApp } from "./server";
import { AccessTokenStore } from "./shopify/access-tokens";
import { DEFAULT_BUCKET, type BucketConfig } from "./shopify/bucket";
import { DocumentCache } from "./shopify/graphql/run-query";
import { adminSchema } from "./shopify/graphql/schema";
import { isShopDomain, type ShopInput } from "./shopify/shops";
import {
  DEFAULT_WEBHOOK_RETRY,
  WebhookSender,
  type WebhookRetryPolicy,
} from "./shopify/webhooks/sender";
import { resetState, type AppConfig, type EmulatorState } from "./state";

export type EmulatorOptions = {
  /** 0 picks a free port. */
  port?: number;
  app: {
    apiKey: string;
    apiSecret: string;
    url: string;
    handle?: string;
    name?: string;
    /** Comma-separated or a list; granted to every access token. */
    scopes?: string | string[];
  };
  bucket?: BucketConfig;
  shops?: ShopInput[];
  logger?: Logger;
  /** Milliseconds clock, replaceable in tests. */
  clock?: () => number;
  /** How product webhooks are retried when the app does not answer 2xx. */
  webhooks?: Partial<WebhookRetryPolicy>;
};

export type RunningEmulator = {
  url: string;
  close(): Promise<void>;
};

export const DEFAULT_APP_HANDLE = "searchlight-seo";
export const DEFAULT_APP_NAME = "Searchlight SEO";
export const DEFAULT_SCOPES = ["read_products", "write_products"];

export { ADMIN_API_VERSION } from "./shopify/graphql/schema";
export type { ShopInput } from "./shopify/shops";
export type { JournalEntry } from "./journal";

function appConfig(app: EmulatorOptions["app"]): AppConfig {
  if (!app.apiKey || !app.apiSecret) {
    throw new Error("the emulator needs the app's API key and secret");
  }
  const url = new URL(app.url);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`the app URL must be http(s), got ${app.url}`);
  }
  const scopes = typeof app.scopes === "string" ? app.scopes.split(",") : app.scopes;
  return {
    apiKey: app.apiKey,
    apiSecret: app.apiSecret,
    url: url.origin,
    handle: app.handle ?? DEFAULT_APP_HANDLE,
    name: app.name ?? DEFAULT_APP_NAME,
    scopes: (scopes ?? DEFAULT_SCOPES).map((scope) => scope.trim()).filter(Boolean),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: the emulator holds fake credentials and must never be reachable from outside.
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const app = appConfig(options.app);
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? pino({ level: "silent" });
  const journal = new Journal();
  const webhooks = new WebhookSender(
    () => ({ appUrl: state.app.url, apiSecret: state.app.apiSecret }),
    journal,
    clock,
    logger,
    { ...DEFAULT_WEBHOOK_RETRY, ...options.webhooks },
  );
  const state: EmulatorState = {
    app,
    bucket: options.bucket ?? DEFAULT_BUCKET,
    clock,
    logger,
    baseUrl: "",
    shops: new Map(),
    tokens: new AccessTokenStore(),
    journal,
    documents: new DocumentCache(),
    faults: new FaultRules(),
    webhooks,
    seedShops: options.shops ?? [],
  };
  for (const shop of state.seedShops) {
    if (!isShopDomain(shop.domain)) throw new Error(`not a shop domain: ${shop.domain}`);
  }
  adminSchema();

  const server = createServer(createEmulatorApp(state));
  const port = await listen(server, options.port ?? 0);
  state.baseUrl = `http://127.0.0.1:${port}`;
  resetState(state);
  state.logger.info({ url: state.baseUrl, shops: state.shops.size }, "emulator listening");

  return {
    url: state.baseUrl,
    close: () => {
      webhooks.stop();
      return closeServer(server);
    },
  };
}
