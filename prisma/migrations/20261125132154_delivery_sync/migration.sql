-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "acknowledged_by" JSONB,
ADD COLUMN     "resolved_by" JSONB;

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "dirty" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "paced_slot" TIMESTAMP(3),
ADD COLUMN     "post_started_at" TIMESTAMP(3),
ADD COLUMN     "template_id" TEXT;

-- CreateTable
CREATE TABLE "thread_replies" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "dead" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "thread_replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_pacing" (
    "workspace_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "next_post_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "channel_pacing_pkey" PRIMARY KEY ("workspace_id","channel_id")
);

-- CreateIndex
CREATE INDEX "thread_replies_sent_at_next_attempt_at_idx" ON "thread_replies"("sent_at", "next_attempt_at");

-- CreateIndex
CREATE INDEX "deliveries_dirty_next_attempt_at_idx" ON "deliveries"("dirty", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_workspace_id_id_key" ON "deliveries"("workspace_id", "id");

-- AddForeignKey
ALTER TABLE "thread_replies" ADD CONSTRAINT "thread_replies_workspace_id_delivery_id_fkey" FOREIGN KEY ("workspace_id", "delivery_id") REFERENCES "deliveries"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
