-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('pending', 'done', 'dead', 'cancelled');

-- AlterEnum
ALTER TYPE "ActivityKind" ADD VALUE 'snooze_ended';

-- DropIndex
DROP INDEX "deliveries_state_next_attempt_at_idx";

-- DropIndex
DROP INDEX "deliveries_dirty_next_attempt_at_idx";

-- AlterTable
ALTER TABLE "deliveries" DROP COLUMN "paced_slot",
ADD COLUMN     "priority" SMALLINT NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "workspace_id" TEXT,
    "alert_id" TEXT,
    "run_at" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "state" "JobState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "jobs_key_key" ON "jobs"("key");

-- CreateIndex
CREATE INDEX "jobs_due" ON "jobs"("run_at") WHERE (state = 'pending');

-- CreateIndex
CREATE INDEX "jobs_alert_id_run_at_idx" ON "jobs"("alert_id", "run_at");

-- CreateIndex
CREATE INDEX "deliveries_post_queue" ON "deliveries"("workspace_id", "channel_id", "priority", "created_at", "id") WHERE (state IN ('pending', 'failed'));

-- CreateIndex
CREATE INDEX "deliveries_dirty" ON "deliveries"("next_attempt_at") WHERE (dirty);

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
