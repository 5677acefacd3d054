import type { ActionFunctionArgs } from "@remix-run/node";

import { prisma } from "~/db.server";
import { addContext } from "~/observability/context.server";
import { identifyShop } from "~/observability/sentry.server";
import { authenticate } from "~/shopify.server";

import { claimDelivery, releaseDelivery } from "./webhook-deliveries.server";

type WebhookContext = Awaited<ReturnType<typeof authenticate.webhook>>;

/**
 * The shared shape of every webhook route: verify the HMAC (authenticate.webhook throws a 401
 * Response otherwise), check the topic is the one this route serves, run the handler, and
 * acknowledge. A handler that throws answers 500 so Shopify delivers the webhook again. Each
 * webhook id is handled once: a duplicate delivery is acknowledged without running the handler.
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
    if (!(await claimDelivery(prisma, delivery))) {
      log.info("duplicate webhook delivery acknowledged without handling");
      return new Response(null, { status: 200 });
    }
    try {
      await handle(webhook, log);
    } catch (error) {
      await releaseDelivery(prisma, webhook.webhookId);
      throw error;
    }
    log.info("webhook handled");
    return new Response(null, { status: 200 });
  };
}
