-- AlterTable
ALTER TABLE "silences" ADD COLUMN     "window_id" TEXT;

-- CreateTable
CREATE TABLE "maintenance_windows" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "event_type" TEXT,
    "severities" "Severity"[],
    "source" TEXT,
    "field_matchers" JSONB NOT NULL DEFAULT '[]',
    "time_zone" TEXT NOT NULL,
    "days" INTEGER[],
    "start_time" TEXT NOT NULL,
    "end_time" TEXT NOT NULL,
    "created_by_type" "ActorType" NOT NULL,
    "created_by_id" TEXT,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "maintenance_windows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "maintenance_windows_workspace_id_id_key" ON "maintenance_windows"("workspace_id", "id");

-- CreateIndex
CREATE INDEX "silences_window_id_ends_at_idx" ON "silences"("window_id", "ends_at");

-- AddForeignKey
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
