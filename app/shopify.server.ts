import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  LogSeverity,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";

import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { logger } from "~/observability/logger.server";
import { syncCatalogAfterInstall } from "~/services/catalog/catalog-sync.server";
import { recordInstallation } from "~/services/shop/installation.server";
import { routeShopifyRequestsTo } from "~/services/shopify/emulator-seam.server";

export const API_VERSION = ApiVersion.October26;

const shopifyLog = logger.child({ component: "shopify" });

const LOG_METHODS = {
  [LogSeverity.Error]: "error",
  [LogSeverity.Warning]: "warn",
  [LogSeverity.Info]: "info",
  [LogSeverity.Debug]: "debug",
} as const;

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: env.SCOPES.split(","),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
  future: { unstable_newEmbeddedAuthStrategy: true },
  logger: {
    level: LogSeverity.Info,
    log: (severity, message) => shopifyLog[LOG_METHODS[severity]](message),
  },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordInstallation(prisma, session.shop);
      await syncCatalogAfterInstall(prisma, session.shop);
    },
  },
});

// The library installs its own fetch on import; the emulator replaces it only when configured.
if (env.SHOPIFY_EMULATOR_URL) routeShopifyRequestsTo(env.SHOPIFY_EMULATOR_URL);

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const sessionStorage = shopify.sessionStorage;
export const login = shopify.login;
