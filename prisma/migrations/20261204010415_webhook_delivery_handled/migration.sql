-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "handledAt" DATETIME;

-- Deliveries recorded before this column existed were handled.
UPDATE "WebhookDelivery" SET "handledAt" = "receivedAt";
