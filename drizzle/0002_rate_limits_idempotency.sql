ALTER TABLE "plans" ADD COLUMN "key_creates_per_hour" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");