-- CreateEnum
CREATE TYPE "IntegrationKind" AS ENUM ('alertmanager', 'grafana', 'pagerduty', 'opsgenie', 'webhook');

-- CreateTable
CREATE TABLE "integrations" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "kind" "IntegrationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "api_key_id" TEXT NOT NULL,
    "token_hash" TEXT,
    "token_prefix" TEXT,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secret_ciphertext" TEXT,
    "secret_key_id" TEXT,
    "last_event_at" TIMESTAMP(3),
    "last_event_status" INTEGER,
    "last_event_result" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "integrations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "integrations_api_key_id_key" ON "integrations"("api_key_id");

-- CreateIndex
CREATE UNIQUE INDEX "integrations_token_hash_key" ON "integrations"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "integrations_workspace_id_id_key" ON "integrations"("workspace_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "integrations_workspace_id_name_key" ON "integrations"("workspace_id", "name");

-- AddForeignKey
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;
