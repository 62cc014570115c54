-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "user_group_id" TEXT;
