import { webhookAction } from "~/services/webhooks/handle-webhook.server";

// Searchlight stores no customer data, so there is nothing to erase; the request is recorded.
export const action = webhookAction("CUSTOMERS_REDACT", async (_webhook, log) => {
  log.info("customer redaction received; the app holds no customer data");
});
