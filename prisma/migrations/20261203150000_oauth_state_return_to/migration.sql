-- AlterTable
ALTER TABLE "oauth_states" ADD COLUMN     "return_to" TEXT;
