ALTER TABLE "images" ADD COLUMN "preview_key" text;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "preview_width" integer;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "preview_height" integer;--> statement-breakpoint
CREATE INDEX "images_preview_backlog_idx" ON "images" USING btree ("created_at") WHERE "images"."status" = 'succeeded' and "images"."preview_key" is null;