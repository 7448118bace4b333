CREATE TABLE `arr_items` (
	`tenant_id` text NOT NULL,
	`app` text NOT NULL,
	`arr_id` integer NOT NULL,
	`title` text NOT NULL,
	`year` integer,
	`tmdb_id` text,
	`tvdb_id` text,
	`imdb_id` text,
	`quality_profile_id` integer NOT NULL,
	`root_folder_path` text NOT NULL,
	`path` text,
	`monitored` integer NOT NULL,
	`tags` text NOT NULL,
	`seasons` text NOT NULL,
	`size_on_disk` integer NOT NULL,
	`synced_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `app`, `arr_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `arr_items_tmdb_idx` ON `arr_items` (`tenant_id`,`tmdb_id`);--> statement-breakpoint
CREATE INDEX `arr_items_tvdb_idx` ON `arr_items` (`tenant_id`,`tvdb_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`deletion_id` text,
	`item_id` text,
	`title` text,
	`size_bytes` integer,
	`detail` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_log_tenant_at_idx` ON `audit_log` (`tenant_id`,`at`);--> statement-breakpoint
CREATE TABLE `deletion_events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`deletion_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deletion_events_deletion_idx` ON `deletion_events` (`deletion_id`,`at`);--> statement-breakpoint
CREATE TABLE `deletions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`item_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`year` integer,
	`tmdb_id` text,
	`tvdb_id` text,
	`imdb_id` text,
	`seasons` text,
	`size_bytes` integer NOT NULL,
	`status` text NOT NULL,
	`execute_at` integer NOT NULL,
	`add_import_exclusion` integer NOT NULL,
	`target` text NOT NULL,
	`arr_item` text,
	`chosen_by_user` integer NOT NULL,
	`last_watched_at_schedule` integer,
	`added_at` integer,
	`reason` text,
	`scheduled_by` text NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`attempts` integer NOT NULL,
	`executed_at` integer,
	`restored_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deletions_due_idx` ON `deletions` (`status`,`execute_at`);--> statement-breakpoint
CREATE INDEX `deletions_tenant_status_idx` ON `deletions` (`tenant_id`,`status`,`execute_at`);--> statement-breakpoint
CREATE INDEX `deletions_tenant_item_idx` ON `deletions` (`tenant_id`,`item_id`);