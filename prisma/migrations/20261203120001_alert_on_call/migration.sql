-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "on_call_user_id" TEXT;
