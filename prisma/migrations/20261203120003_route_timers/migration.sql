-- AlterTable
ALTER TABLE "routes" ADD COLUMN     "auto_resolve_minutes" INTEGER,
ADD COLUMN     "reminder_minutes" INTEGER,
ADD COLUMN     "reminder_retrigger" BOOLEAN NOT NULL DEFAULT false;
