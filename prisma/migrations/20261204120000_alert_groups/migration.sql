-- AlterEnum
ALTER TYPE "DeliveryState" ADD VALUE 'grouped';

-- AlterTable
ALTER TABLE "routes" ADD COLUMN     "group_by" TEXT;

-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "group_key" TEXT;

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "group_id" TEXT,
ADD COLUMN     "group_key" TEXT;

-- CreateTable
CREATE TABLE "alert_groups" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "message_ts" TEXT,
    "dirty" BOOLEAN NOT NULL DEFAULT true,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "post_started_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_groups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_groups_dirty" ON "alert_groups"("next_attempt_at") WHERE (dirty);

-- CreateIndex
CREATE UNIQUE INDEX "alert_groups_open" ON "alert_groups"("workspace_id", "channel_id", "key") WHERE (closed_at IS NULL);

-- CreateIndex
CREATE INDEX "deliveries_group" ON "deliveries"("group_id") WHERE (group_id IS NOT NULL);
