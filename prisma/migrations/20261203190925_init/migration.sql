-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
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
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "reviewedOn" DATETIME,
    "infoSyncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ActivePlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "planName" TEXT NOT NULL,
    "billingInterval" TEXT NOT NULL,
    "intervalLabel" TEXT NOT NULL,
    "price" DECIMAL NOT NULL DEFAULT 0,
    "originalPrice" DECIMAL NOT NULL DEFAULT 0,
    "subscriptionGid" TEXT,
    "status" TEXT NOT NULL,
    "activatedOn" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trialEndsOn" DATETIME,
    "currentMonthStart" DATETIME NOT NULL,
    "nextMonthStart" DATETIME NOT NULL,
    "currentYearStart" DATETIME,
    "nextYearStart" DATETIME,
    "productUpdatesUsed" INTEGER NOT NULL DEFAULT 0,
    "indexingRequestsUsed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ActivePlan_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetaTag" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "syncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MetaTag_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
