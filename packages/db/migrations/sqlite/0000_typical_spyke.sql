CREATE TABLE `analysis_state` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`library_snapshot_id` text,
	`requests_snapshot_id` text,
	`unknown_streams` integer NOT NULL,
	`evaluated_at` integer NOT NULL,
	`revision` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`scope` text DEFAULT 'read' NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_uq` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_tenant_idx` ON `api_tokens` (`tenant_id`);--> statement-breakpoint
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
CREATE TABLE `auth_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`locked_until` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `connections` (
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`api_key_cipher` text NOT NULL,
	`server_name` text,
	`version` text,
	`server_id` text,
	`cert_fingerprint` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `kind`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
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
CREATE INDEX `deletions_tenant_item_idx` ON `deletions` (`tenant_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `household_links` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `household_links_token_idx` ON `household_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `household_links_tenant_idx` ON `household_links` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `keep_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`deletion_id` text NOT NULL,
	`link_id` text NOT NULL,
	`name` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `keep_requests_deletion_idx` ON `keep_requests` (`tenant_id`,`deletion_id`);--> statement-breakpoint
CREATE TABLE `library_items` (
	`snapshot_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`year` integer,
	`library_id` text,
	`tmdb_id` text,
	`tvdb_id` text,
	`imdb_id` text,
	`added_at` integer,
	`size_bytes` integer,
	`series_id` text,
	`season_number` integer,
	`episode_number` integer,
	`streams` text,
	PRIMARY KEY(`snapshot_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `library_items_series_idx` ON `library_items` (`snapshot_id`,`series_id`);--> statement-breakpoint
CREATE TABLE `media_libraries` (
	`snapshot_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`collection_type` text,
	PRIMARY KEY(`snapshot_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `media_users` (
	`snapshot_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `nicknames` (
	`tenant_id` text NOT NULL,
	`source` text NOT NULL,
	`user_id` text NOT NULL,
	`display_name` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `source`, `user_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notification_channels` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`events` text NOT NULL,
	`secrets_cipher` text NOT NULL,
	`to` text NOT NULL,
	`target` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notification_channels_tenant_idx` ON `notification_channels` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `notification_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`event` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`error` text,
	`lease_until` integer,
	`next_attempt_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_deliveries_key_idx` ON `notification_deliveries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_tenant_idx` ON `notification_deliveries` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_resets_hash_uq` ON `password_resets` (`token_hash`);--> statement-breakpoint
CREATE TABLE `recent_items` (
	`tenant_id` text NOT NULL,
	`request_id` integer NOT NULL,
	`media_type` text NOT NULL,
	`tmdb_id` integer,
	`is_4k` integer NOT NULL,
	`title` text NOT NULL,
	`requester` text,
	`arrived_at` integer NOT NULL,
	`episodes` text,
	`library_item_id` text,
	PRIMARY KEY(`tenant_id`, `request_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recent_items_arrived_idx` ON `recent_items` (`tenant_id`,`arrived_at`);--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`family_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`rotated_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refresh_tokens_hash_uq` ON `refresh_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_family_idx` ON `refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_user_idx` ON `refresh_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `request_issues` (
	`tenant_id` text NOT NULL,
	`request_id` integer NOT NULL,
	`media_type` text NOT NULL,
	`tmdb_id` integer,
	`is_4k` integer NOT NULL,
	`title` text NOT NULL,
	`year` integer,
	`requested_by` text,
	`requested_at` integer,
	`request_status` integer NOT NULL,
	`media_status` integer NOT NULL,
	`release_date` text,
	`release_day` integer,
	`missing_seasons` text NOT NULL,
	`stale` integer NOT NULL,
	`library_item_id` text,
	`name_rank` integer NOT NULL,
	`search_text` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `request_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `seerr_requests` (
	`snapshot_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`id` integer NOT NULL,
	`type` text NOT NULL,
	`status` integer NOT NULL,
	`is_4k` integer NOT NULL,
	`created_at` integer,
	`updated_at` integer,
	`requested_by_id` integer,
	`seasons` text NOT NULL,
	`media` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `seerr_users` (
	`snapshot_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`id` integer NOT NULL,
	`display_name` text,
	`jellyfin_user_id` text,
	PRIMARY KEY(`snapshot_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `space_history` (
	`tenant_id` text NOT NULL,
	`day` integer NOT NULL,
	`run_id` text NOT NULL,
	`at` integer NOT NULL,
	`total_bytes` integer NOT NULL,
	`items` integer NOT NULL,
	`could_free_bytes` integer NOT NULL,
	`could_free_titles` integer NOT NULL,
	`old_count` integer NOT NULL,
	`old_bytes` integer NOT NULL,
	`large_count` integer NOT NULL,
	`large_bytes` integer NOT NULL,
	`language_count` integer NOT NULL,
	`language_bytes` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `day`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`status` text NOT NULL,
	`trigger` text NOT NULL,
	`allow_shrink` integer NOT NULL,
	`step` text,
	`done` integer NOT NULL,
	`total` integer,
	`error` text,
	`counts` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`heartbeat_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_runs_tenant_created_idx` ON `sync_runs` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sync_runs_status_idx` ON `sync_runs` (`status`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`library_snapshot_id` text,
	`requests_snapshot_id` text,
	`lease_run_id` text,
	`lease_until` integer,
	`last_success_at` integer,
	`allow_shrink_once` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tenant_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `title_cache` (
	`tenant_id` text NOT NULL,
	`media_type` text NOT NULL,
	`tmdb_id` integer NOT NULL,
	`language` text NOT NULL,
	`info` text,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `media_type`, `tmdb_id`, `language`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `title_issues` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`media_type` text NOT NULL,
	`title` text NOT NULL,
	`year` integer,
	`library_id` text,
	`tmdb_id` text,
	`tvdb_id` text,
	`imdb_id` text,
	`size_bytes` integer,
	`largest_season_bytes` integer,
	`added_at` integer,
	`last_watched_at` integer,
	`watched` integer NOT NULL,
	`watched_by` text NOT NULL,
	`play_count` integer NOT NULL,
	`old_since` integer,
	`is_large` integer NOT NULL,
	`has_language` integer NOT NULL,
	`language_codes` text NOT NULL,
	`problem_episodes` text NOT NULL,
	`name_rank` integer NOT NULL,
	`arr_app` text,
	`arr_id` integer,
	`search_text` text NOT NULL,
	`evaluated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `title_issues_totals_idx` ON `title_issues` (`tenant_id`,`old_since`,`is_large`,`has_language`,`size_bytes`);--> statement-breakpoint
CREATE INDEX `title_issues_size_idx` ON `title_issues` (`tenant_id`,`size_bytes`);--> statement-breakpoint
CREATE INDEX `title_issues_rank_idx` ON `title_issues` (`tenant_id`,`name_rank`);--> statement-breakpoint
CREATE INDEX `title_issues_large_idx` ON `title_issues` (`tenant_id`,`is_large`,`size_bytes`);--> statement-breakpoint
CREATE INDEX `title_issues_language_idx` ON `title_issues` (`tenant_id`,`has_language`,`size_bytes`);--> statement-breakpoint
CREATE INDEX `title_issues_tmdb_idx` ON `title_issues` (`tenant_id`,`tmdb_id`);--> statement-breakpoint
CREATE INDEX `title_issues_tvdb_idx` ON `title_issues` (`tenant_id`,`tvdb_id`);--> statement-breakpoint
CREATE INDEX `title_issues_imdb_idx` ON `title_issues` (`tenant_id`,`imdb_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`password_changed_at` integer NOT NULL,
	`sessions_valid_after` integer NOT NULL,
	`token_version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `watch_records` (
	`snapshot_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`title_id` text NOT NULL,
	`item_id` text NOT NULL,
	`played` integer NOT NULL,
	`position_ticks` integer NOT NULL,
	`play_count` integer NOT NULL,
	`last_played_at` integer,
	PRIMARY KEY(`snapshot_id`, `user_id`, `title_id`)
);
--> statement-breakpoint
CREATE INDEX `watch_records_title_idx` ON `watch_records` (`snapshot_id`,`title_id`);--> statement-breakpoint
CREATE TABLE `whitelist_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`type` text NOT NULL,
	`kind` text NOT NULL,
	`jellyfin_id` text,
	`tmdb_id` text,
	`tvdb_id` text,
	`imdb_id` text,
	`title` text NOT NULL,
	`series_jellyfin_id` text,
	`season_number` integer,
	`episode_number` integer,
	`request_id` integer,
	`media_type` text,
	`languages` text,
	`expires_at` integer,
	`expiry_applied` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `whitelist_entries_tenant_type_idx` ON `whitelist_entries` (`tenant_id`,`type`);--> statement-breakpoint
CREATE INDEX `whitelist_entries_expiry_idx` ON `whitelist_entries` (`tenant_id`,`expiry_applied`,`expires_at`);