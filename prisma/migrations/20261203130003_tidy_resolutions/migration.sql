-- CreateEnum
CREATE TYPE "ThreadVerbosity" AS ENUM ('all', 'status', 'none');

-- AlterTable
ALTER TABLE "routes" ADD COLUMN     "thread_replies" "ThreadVerbosity" NOT NULL DEFAULT 'all';

-- AlterTable
ALTER TABLE "thread_replies" ADD COLUMN     "reaction" TEXT;
