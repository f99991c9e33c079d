DROP INDEX "credit_ledger_user_idx";--> statement-breakpoint
CREATE INDEX "images_user_succeeded_idx" ON "images" USING btree ("user_id","created_at","id") WHERE "images"."status" = 'succeeded';--> statement-breakpoint
CREATE INDEX "credit_ledger_user_idx" ON "credit_ledger" USING btree ("user_id","created_at","id");