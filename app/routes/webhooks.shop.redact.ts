import { prisma } from "~/db.server";
import { eraseShopData } from "~/services/shop/erasure.server";
import { webhookAction } from "~/services/webhooks/handle-webhook.server";

export const action = webhookAction("SHOP_REDACT", async ({ shop }, log) => {
  const erased = await eraseShopData(prisma, shop);
  log.info({ erased }, "shop data erased");
});
