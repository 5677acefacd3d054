import { prisma } from "~/db.server";
import { removeProductFromWebhook } from "~/services/catalog/product-webhooks.server";
import { webhookAction } from "~/services/webhooks/handle-webhook.server";

export const action = webhookAction("PRODUCTS_DELETE", async (webhook, log) => {
  await removeProductFromWebhook(prisma, webhook, log);
});
