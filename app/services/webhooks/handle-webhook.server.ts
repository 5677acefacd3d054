import type { ActionFunctionArgs } from "@remix-run/node";

import { authenticate } from "~/shopify.server";

type WebhookContext = Awaited<ReturnType<typeof authenticate.webhook>>;

/**
 * The shared shape of every webhook route: verify the HMAC (authenticate.webhook throws a 401
 * Response otherwise), check the topic is the one this route serves, run the handler, and
 * acknowledge. A handler that throws answers 500 so Shopify delivers the webhook again.
 */
export function webhookAction(
  expectedTopic: string,
  handle: (webhook: WebhookContext, log: ActionFunctionArgs["context"]["log"]) => Promise<void>,
) {
  return async ({ request, context }: ActionFunctionArgs) => {
    const webhook = await authenticate.webhook(request);
    const log = context.log.child({
      shop: webhook.shop,
      topic: webhook.topic,
      webhookId: webhook.webhookId,
    });

    if (webhook.topic !== expectedTopic) {
      log.warn({ expectedTopic }, "webhook delivered to the wrong route");
      return new Response("Unexpected topic", { status: 400 });
    }

    await handle(webhook, log);
    log.info("webhook handled");
    return new Response(null, { status: 200 });
  };
}
