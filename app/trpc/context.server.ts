import type { AdminApiContext, Session } from "@shopify/shopify-app-remix/server";

import { prisma } from "~/db.server";
import type { Logger } from "~/observability/logger.server";
import { identifyShop } from "~/observability/sentry.server";
import { adminClientForRequest } from "~/services/shopify/client.server";

import { surfaceShopifyResponses } from "./shopify-response.server";

export interface AuthenticatedAdmin {
  admin: AdminApiContext;
  session: Session;
}

/**
 * The context every procedure receives. The request has already been authenticated by the
 * route, so a session is always present; `shop` is null only when the app holds no row for the
 * session's shop (for example right after its data was erased), which shopProcedure refuses.
 */
export async function createContext({ admin, session }: AuthenticatedAdmin, log: Logger) {
  const shop = await prisma.shop.findUnique({
    where: { domain: session.shop },
    include: { activePlan: { select: { planName: true } } },
  });
  identifyShop({
    domain: session.shop,
    name: shop?.name,
    email: shop?.email,
    plan: shop?.activePlan?.planName,
  });
  const surfaced = surfaceShopifyResponses(admin);
  const shopLog = log.child({ shop: session.shop });
  return {
    admin: surfaced,
    // The one Admin API client of the request: every procedure's calls share its cost gate.
    adminClient: adminClientForRequest(surfaced, session.shop, shopLog),
    session,
    shop,
    log: shopLog,
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
