-- CreateTable
CREATE TABLE "SeoIssue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "metaTagId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    CONSTRAINT "SeoIssue_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeoIssue_metaTagId_fkey" FOREIGN KEY ("metaTagId") REFERENCES "MetaTag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeoTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "titleTemplate" TEXT,
    "descriptionTemplate" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SeoTemplate_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulkRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BulkRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkRun_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "SeoTemplate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulkRunItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "resourceId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "previousSeoTitle" TEXT,
    "previousSeoDescription" TEXT,
    "newSeoTitle" TEXT,
    "newSeoDescription" TEXT,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BulkRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BulkRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MetaTag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "handle" TEXT,
    "title" TEXT,
    "vendor" TEXT,
    "productType" TEXT,
    "status" TEXT,
    "price" TEXT,
    "seoTitle" TEXT,
    "seoDescription" TEXT,
    "featuredImageUrl" TEXT,
    "featuredImageAlt" TEXT,
    "imageCount" INTEGER NOT NULL DEFAULT 0,
    "imagesWithoutAlt" INTEGER NOT NULL DEFAULT 0,
    "previousSeoTitle" TEXT,
    "previousSeoDescription" TEXT,
    "source" TEXT NOT NULL,
    "auditScore" INTEGER,
    "shopifyUpdatedAt" DATETIME,
    "syncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MetaTag_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MetaTag" ("auditScore", "createdAt", "handle", "id", "previousSeoDescription", "previousSeoTitle", "resourceId", "resourceType", "seoDescription", "seoTitle", "shopId", "source", "syncedAt", "title", "updatedAt") SELECT "auditScore", "createdAt", "handle", "id", "previousSeoDescription", "previousSeoTitle", "resourceId", "resourceType", "seoDescription", "seoTitle", "shopId", "source", "syncedAt", "title", "updatedAt" FROM "MetaTag";
DROP TABLE "MetaTag";
ALTER TABLE "new_MetaTag" RENAME TO "MetaTag";
CREATE INDEX "MetaTag_shopId_auditScore_idx" ON "MetaTag"("shopId", "auditScore");
CREATE INDEX "MetaTag_shopId_title_idx" ON "MetaTag"("shopId", "title");
CREATE INDEX "MetaTag_shopId_shopifyUpdatedAt_idx" ON "MetaTag"("shopId", "shopifyUpdatedAt");
CREATE UNIQUE INDEX "MetaTag_shopId_resourceType_resourceId_key" ON "MetaTag"("shopId", "resourceType", "resourceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
