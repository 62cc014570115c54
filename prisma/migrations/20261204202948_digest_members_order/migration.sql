-- DropIndex
DROP INDEX "deliveries_digest";

-- CreateIndex
CREATE INDEX "deliveries_digest" ON "deliveries"("digest_id", "created_at", "id") WHERE (digest_id IS NOT NULL);
