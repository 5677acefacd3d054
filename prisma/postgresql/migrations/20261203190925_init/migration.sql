-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMPTZ(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN,
    "locale" TEXT,
    "collaborator" BOOLEAN,
    "emailVerified" BOOLEAN,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMPTZ(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "storeName" TEXT,
    "primaryDomainHost" TEXT,
    "primaryDomainUrl" TEXT,
    "currencyCode" TEXT,
    "ianaTimezone" TEXT,
    "planDisplayName" TEXT,
    "partnerDevelopment" BOOLEAN NOT NULL DEFAULT false,
    "shopifyPlus" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT NOT NULL DEFAULT 'en',
    "appLanguage" TEXT NOT NULL DEFAULT 'en',
    "trialDaysGranted" INTEGER NOT NULL DEFAULT 0,
    "installedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMPTZ(3),
    "reviewedOn" TIMESTAMPTZ(3),
    "infoSyncedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivePlan" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "planName" TEXT NOT NULL,
    "billingInterval" TEXT NOT NULL,
    "intervalLabel" TEXT NOT NULL,
    "price" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "originalPrice" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "subscriptionGid" TEXT,
    "status" TEXT NOT NULL,
    "activatedOn" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trialEndsOn" TIMESTAMPTZ(3),
    "currentMonthStart" TIMESTAMPTZ(3) NOT NULL,
    "nextMonthStart" TIMESTAMPTZ(3) NOT NULL,
    "currentYearStart" TIMESTAMPTZ(3),
    "nextYearStart" TIMESTAMPTZ(3),
    "productUpdatesUsed" INTEGER NOT NULL DEFAULT 0,
    "indexingRequestsUsed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActivePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetaTag" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "handle" TEXT,
    "title" TEXT,
    "seoTitle" TEXT,
    "seoDescription" TEXT,
    "previousSeoTitle" TEXT,
    "previousSeoDescription" TEXT,
    "source" TEXT NOT NULL,
    "auditScore" INTEGER,
    "syncedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MetaTag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_domain_key" ON "Shop"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "ActivePlan_shopId_key" ON "ActivePlan"("shopId");

-- CreateIndex
CREATE INDEX "MetaTag_shopId_auditScore_idx" ON "MetaTag"("shopId", "auditScore");

-- CreateIndex
CREATE UNIQUE INDEX "MetaTag_shopId_resourceType_resourceId_key" ON "MetaTag"("shopId", "resourceType", "resourceId");

-- AddForeignKey
ALTER TABLE "ActivePlan" ADD CONSTRAINT "ActivePlan_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetaTag" ADD CONSTRAINT "MetaTag_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
