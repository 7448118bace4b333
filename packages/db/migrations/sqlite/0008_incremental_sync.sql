ALTER TABLE `sync_runs` ADD `mode` text;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `sync_watermark` integer;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `server_fingerprint` text;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `last_full_sync_at` integer;