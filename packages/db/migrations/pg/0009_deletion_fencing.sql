ALTER TABLE "deletions" ADD COLUMN "lease_generation" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deletions" ADD COLUMN "target_called_at" bigint;