ALTER TABLE "sync_runs" ADD COLUMN "mode" text;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "sync_watermark" bigint;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "server_fingerprint" text;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "last_full_sync_at" bigint;