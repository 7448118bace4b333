ALTER TABLE `deletions` ADD `lease_generation` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `deletions` ADD `target_called_at` integer;