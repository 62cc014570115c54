-- AlterEnum
ALTER TYPE "DeliveryState" ADD VALUE 'folded';

-- AlterTable
ALTER TABLE "routes" ADD COLUMN     "storm_limit" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "digest_id" TEXT;

-- CreateTable
CREATE TABLE "digests" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "folded" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_folded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMP(3),
    "message_ts" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "digests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "digests_open" ON "digests"("workspace_id", "channel_id") WHERE (ended_at IS NULL);

-- CreateIndex
CREATE INDEX "deliveries_recent_posts" ON "deliveries"("workspace_id", "channel_id", "sent_at") WHERE (state = 'sent');

-- CreateIndex
CREATE INDEX "deliveries_digest" ON "deliveries"("digest_id") WHERE (digest_id IS NOT NULL);
