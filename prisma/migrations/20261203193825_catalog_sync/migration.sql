-- AlterTable
ALTER TABLE "MetaTag" ADD COLUMN "seoDescriptionKey" TEXT;
ALTER TABLE "MetaTag" ADD COLUMN "seoTitleKey" TEXT;

-- CreateTable
CREATE TABLE "CatalogSync" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "total" INTEGER,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "lastCompletedAt" DATETIME,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CatalogSync_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogSync_shopId_key" ON "CatalogSync"("shopId");

-- CreateIndex
CREATE INDEX "MetaTag_shopId_seoTitleKey_idx" ON "MetaTag"("shopId", "seoTitleKey");

-- CreateIndex
CREATE INDEX "MetaTag_shopId_seoDescriptionKey_idx" ON "MetaTag"("shopId", "seoDescriptionKey");
