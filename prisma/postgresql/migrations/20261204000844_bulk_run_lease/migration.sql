-- AlterTable
ALTER TABLE "BulkRun" ADD COLUMN     "leaseExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "leaseOwner" TEXT;
