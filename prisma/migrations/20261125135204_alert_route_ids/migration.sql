-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "route_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];
