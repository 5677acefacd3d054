-- AlterTable
ALTER TABLE "BulkRun" ADD COLUMN "leaseExpiresAt" DATETIME;
ALTER TABLE "BulkRun" ADD COLUMN "leaseOwner" TEXT;
