import { webhookAction } from "~/services/webhooks/handle-webhook.server";

// Searchlight stores no customer data, so there is nothing to report; the request is recorded.
export const action = webhookAction("CUSTOMERS_DATA_REQUEST", async (_webhook, log) => {
  log.info("customer data request received; the app holds no customer data");
});
