-- AlterTable
ALTER TABLE "MetaTag" ADD COLUMN     "seoDescriptionKey" TEXT,
ADD COLUMN     "seoTitleKey" TEXT;

-- CreateTable
CREATE TABLE "CatalogSync" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "total" INTEGER,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "lastCompletedAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CatalogSync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogSync_shopId_key" ON "CatalogSync"("shopId");

-- CreateIndex
CREATE INDEX "MetaTag_shopId_seoTitleKey_idx" ON "MetaTag"("shopId", "seoTitleKey");

-- CreateIndex
CREATE INDEX "MetaTag_shopId_seoDescriptionKey_idx" ON "MetaTag"("shopId", "seoDescriptionKey");

-- AddForeignKey
ALTER TABLE "CatalogSync" ADD CONSTRAINT "CatalogSync_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
