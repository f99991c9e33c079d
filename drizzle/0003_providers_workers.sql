CREATE TABLE "workers" (
	"id" text PRIMARY KEY NOT NULL,
	"providers" text[] NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "images_queue_idx";--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "provider" text DEFAULT 'embedded' NOT NULL;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "provider_job" jsonb;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "note" text;--> statement-breakpoint
CREATE INDEX "workers_seen_idx" ON "workers" USING btree ("seen_at");--> statement-breakpoint
CREATE INDEX "images_queue_idx" ON "images" USING btree ("status","provider","run_after");--> statement-breakpoint
ALTER TABLE "models" DROP COLUMN "available";--> statement-breakpoint
ALTER TABLE "models" DROP COLUMN "is_default";--> statement-breakpoint
-- Images queued before this migration take their model's provider, so the right worker claims them.
UPDATE "images" SET "provider" = "models"."provider" FROM "batches", "models" WHERE "images"."batch_id" = "batches"."id" AND "models"."slug" = "batches"."model";
