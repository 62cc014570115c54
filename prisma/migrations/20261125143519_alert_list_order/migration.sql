-- DropIndex
DROP INDEX "alerts_workspace_id_status_created_at_idx";

-- DropIndex
DROP INDEX "alerts_workspace_id_created_at_idx";

-- CreateIndex
CREATE INDEX "alerts_workspace_id_status_created_at_id_idx" ON "alerts"("workspace_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "alerts_workspace_id_created_at_id_idx" ON "alerts"("workspace_id", "created_at" DESC, "id" DESC);
