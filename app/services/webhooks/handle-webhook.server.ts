import type { ActionFunctionArgs } from "@remix-run/node";

import { prisma } from "~/db.server";
import { addContext } from "~/observability/context.server";
import { identifyShop } from "~/observability/sentry.server";
import { authenticate } from "~/shopify.server";

import { claimDelivery, markHandled, releaseDelivery } from "./webhook-deliveries.server";

type WebhookContext = Awaited<ReturnType<typeof authenticate.webhook>>;

/**
 * The shared shape of every webhook route: verify the HMAC (authenticate.webhook throws a 401
 * Response otherwise), check the topic is the one this route serves, run the handler, and
 * acknowledge. A handler that throws answers 500 so Shopify delivers the webhook again. Each
 * webhook id is handled once: a retry of a handled delivery is acknowledged without running the
 * handler, and one arriving while the first attempt is still being handled is answered 409, so
 * Shopify tries again rather than counting a change as delivered that may yet fail.
 */
export function webhookAction(
  expectedTopic: string,
  handle: (webhook: WebhookContext, log: ActionFunctionArgs["context"]["log"]) => Promise<void>,
) {
  return async ({ request, context }: ActionFunctionArgs) => {
    const webhook = await authenticate.webhook(request);
    // Every line logged while handling it, here or deeper, names the shop and the delivery.
    identifyShop({ domain: webhook.shop });
    addContext({ topic: webhook.topic, webhookId: webhook.webhookId });
    const log = context.log;

    if (webhook.topic !== expectedTopic) {
      log.warn({ expectedTopic }, "webhook delivered to the wrong route");
      return new Response("Unexpected topic", { status: 400 });
    }

    const delivery = { id: webhook.webhookId, shopDomain: webhook.shop, topic: webhook.topic };
    const claim = await claimDelivery(prisma, delivery);
    if (claim === "handled") {
      log.info("duplicate webhook delivery acknowledged without handling");
      return new Response(null, { status: 200 });
    }
    if (claim === "in-progress") {
      log.info("webhook delivery already being handled; Shopify will retry it");
      return new Response("Delivery in progress", { status: 409 });
    }
    try {
      await handle(webhook, log);
    } catch (error) {
      await releaseDelivery(prisma, webhook.webhookId);
      throw error;
    }
    await markHandled(prisma, webhook.webhookId);
    log.info("webhook handled");
    return new Response(null, { status: 200 });
  };
}
