ALTER TABLE "keep_requests" ADD COLUMN "name_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Existing requests get their key; repeats already stacked are folded into the first one.
UPDATE keep_requests SET name_key = lower(trim(name));--> statement-breakpoint
DELETE FROM keep_requests WHERE EXISTS (SELECT 1 FROM keep_requests b WHERE b.tenant_id = keep_requests.tenant_id AND b.deletion_id = keep_requests.deletion_id AND b.name_key = keep_requests.name_key AND b.id < keep_requests.id);--> statement-breakpoint
CREATE UNIQUE INDEX "keep_requests_name_idx" ON "keep_requests" USING btree ("tenant_id","deletion_id","name_key");