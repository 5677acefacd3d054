import { z } from "zod";

import { prisma } from "~/db.server";
import { webhookAction } from "~/services/webhooks/handle-webhook.server";

const scopesUpdatePayload = z.object({ current: z.array(z.string()) });

export const action = webhookAction("APP_SCOPES_UPDATE", async ({ shop, payload }, log) => {
  const { current } = scopesUpdatePayload.parse(payload);
  const { count } = await prisma.session.updateMany({
    where: { shop },
    data: { scope: current.join(",") },
  });
  log.info({ scopes: current, sessions: count }, "granted scopes recorded");
});
