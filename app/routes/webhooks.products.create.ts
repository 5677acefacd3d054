import { prisma } from "~/db.server";
import { refreshProductFromWebhook } from "~/services/catalog/product-webhooks.server";
import { webhookAction } from "~/services/webhooks/handle-webhook.server";

export const action = webhookAction("PRODUCTS_CREATE", async (webhook, log) => {
  await refreshProductFromWebhook(prisma, webhook, log);
});
