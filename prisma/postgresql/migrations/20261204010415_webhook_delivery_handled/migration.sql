-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "handledAt" TIMESTAMPTZ(3);

-- Deliveries recorded before this column existed were handled.
UPDATE "WebhookDelivery" SET "handledAt" = "receivedAt";
