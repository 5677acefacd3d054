-- AlterTable
ALTER TABLE "MetaTag" ADD COLUMN     "featuredImageAlt" TEXT,
ADD COLUMN     "featuredImageUrl" TEXT,
ADD COLUMN     "imageCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "imagesWithoutAlt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "price" TEXT,
ADD COLUMN     "productType" TEXT,
ADD COLUMN     "shopifyUpdatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" TEXT,
ADD COLUMN     "vendor" TEXT;

-- CreateTable
CREATE TABLE "SeoIssue" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "metaTagId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,

    CONSTRAINT "SeoIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeoTemplate" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "titleTemplate" TEXT,
    "descriptionTemplate" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SeoTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "activeShopId" TEXT,
    "templateId" TEXT,
    "titleTemplate" TEXT,
    "descriptionTemplate" TEXT,
    "scope" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "checkpoint" INTEGER NOT NULL DEFAULT -1,
    "error" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BulkRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkRunItem" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "resourceId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "previousSeoTitle" TEXT,
    "previousSeoDescription" TEXT,
    "newSeoTitle" TEXT,
    "newSeoDescription" TEXT,
    "error" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BulkRunItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SeoIssue_shopId_rule_idx" ON "SeoIssue"("shopId", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "SeoIssue_metaTagId_rule_key" ON "SeoIssue"("metaTagId", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "SeoTemplate_shopId_name_key" ON "SeoTemplate"("shopId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "BulkRun_activeShopId_key" ON "BulkRun"("activeShopId");

-- CreateIndex
CREATE INDEX "BulkRun_shopId_createdAt_idx" ON "BulkRun"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "BulkRun_status_idx" ON "BulkRun"("status");

-- CreateIndex
CREATE INDEX "BulkRunItem_runId_status_idx" ON "BulkRunItem"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BulkRunItem_runId_position_key" ON "BulkRunItem"("runId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BulkRunItem_runId_resourceId_key" ON "BulkRunItem"("runId", "resourceId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shopDomain_idx" ON "WebhookDelivery"("shopDomain");

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");

-- CreateIndex
CREATE INDEX "MetaTag_shopId_title_idx" ON "MetaTag"("shopId", "title");

-- CreateIndex
CREATE INDEX "MetaTag_shopId_shopifyUpdatedAt_idx" ON "MetaTag"("shopId", "shopifyUpdatedAt");

-- AddForeignKey
ALTER TABLE "SeoIssue" ADD CONSTRAINT "SeoIssue_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeoIssue" ADD CONSTRAINT "SeoIssue_metaTagId_fkey" FOREIGN KEY ("metaTagId") REFERENCES "MetaTag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeoTemplate" ADD CONSTRAINT "SeoTemplate_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkRun" ADD CONSTRAINT "BulkRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkRun" ADD CONSTRAINT "BulkRun_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "SeoTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkRunItem" ADD CONSTRAINT "BulkRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BulkRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
