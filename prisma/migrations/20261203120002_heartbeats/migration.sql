-- CreateTable
CREATE TABLE "heartbeats" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "interval_seconds" INTEGER NOT NULL,
    "grace_seconds" INTEGER NOT NULL,
    "event_type" TEXT NOT NULL DEFAULT 'heartbeat.missed',
    "severity" "Severity" NOT NULL DEFAULT 'critical',
    "last_ping_at" TIMESTAMP(3),
    "down" BOOLEAN NOT NULL DEFAULT false,
    "check_seq" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "heartbeats_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "heartbeats_token_hash_key" ON "heartbeats"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "heartbeats_workspace_id_id_key" ON "heartbeats"("workspace_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "heartbeats_workspace_id_name_key" ON "heartbeats"("workspace_id", "name");

-- AddForeignKey
ALTER TABLE "heartbeats" ADD CONSTRAINT "heartbeats_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
