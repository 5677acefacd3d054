import { prisma } from "~/db.server";
import { recordUninstall } from "~/services/shop/installation.server";
import { webhookAction } from "~/services/webhooks/handle-webhook.server";

export const action = webhookAction("APP_UNINSTALLED", async ({ shop }) => {
  await recordUninstall(prisma, shop);
});
