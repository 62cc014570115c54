-- AlterEnum
ALTER TYPE "ActivityKind" ADD VALUE 'unsilenced';

-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "silence_id" TEXT,
ADD COLUMN     "silenced" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "silences" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "event_type" TEXT,
    "severities" "Severity"[],
    "source" TEXT,
    "field_matchers" JSONB NOT NULL DEFAULT '[]',
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "comment" TEXT NOT NULL,
    "created_by_type" "ActorType" NOT NULL,
    "created_by_id" TEXT,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "silences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "silences_workspace_id_ends_at_idx" ON "silences"("workspace_id", "ends_at");

-- CreateIndex
CREATE UNIQUE INDEX "silences_workspace_id_id_key" ON "silences"("workspace_id", "id");

-- CreateIndex
CREATE INDEX "alerts_silence_held" ON "alerts"("silence_id") WHERE (silenced);

-- AddForeignKey
ALTER TABLE "silences" ADD CONSTRAINT "silences_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
