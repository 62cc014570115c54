-- AlterTable
ALTER TABLE "templates" ALTER COLUMN "blocks" SET DATA TYPE JSON;

-- AlterTable
ALTER TABLE "alerts" ALTER COLUMN "fields" SET DATA TYPE JSON;
