CREATE TABLE "analysis_state" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"library_snapshot_id" text,
	"requests_snapshot_id" text,
	"unknown_streams" integer NOT NULL,
	"evaluated_at" bigint NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scope" text DEFAULT 'read' NOT NULL,
	"expires_at" bigint,
	"last_used_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arr_items" (
	"tenant_id" text NOT NULL,
	"app" text NOT NULL,
	"arr_id" integer NOT NULL,
	"title" text NOT NULL,
	"year" integer,
	"tmdb_id" text,
	"tvdb_id" text,
	"imdb_id" text,
	"quality_profile_id" integer NOT NULL,
	"root_folder_path" text NOT NULL,
	"path" text,
	"monitored" boolean NOT NULL,
	"tags" jsonb NOT NULL,
	"seasons" jsonb NOT NULL,
	"size_on_disk" bigint NOT NULL,
	"synced_at" bigint NOT NULL,
	CONSTRAINT "arr_items_tenant_id_app_arr_id_pk" PRIMARY KEY("tenant_id","app","arr_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"at" bigint NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"deletion_id" text,
	"item_id" text,
	"title" text,
	"size_bytes" bigint,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"locked_until" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"api_key_cipher" text NOT NULL,
	"server_name" text,
	"version" text,
	"server_id" text,
	"cert_fingerprint" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "connections_tenant_id_kind_pk" PRIMARY KEY("tenant_id","kind")
);
--> statement-breakpoint
CREATE TABLE "deletion_events" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"deletion_id" text NOT NULL,
	"at" bigint NOT NULL,
	"actor" text NOT NULL,
	"status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "deletions" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"item_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"year" integer,
	"tmdb_id" text,
	"tvdb_id" text,
	"imdb_id" text,
	"seasons" jsonb,
	"size_bytes" bigint NOT NULL,
	"status" text NOT NULL,
	"execute_at" bigint NOT NULL,
	"add_import_exclusion" boolean NOT NULL,
	"target" text NOT NULL,
	"arr_item" jsonb,
	"chosen_by_user" boolean NOT NULL,
	"last_watched_at_schedule" bigint,
	"added_at" bigint,
	"reason" text,
	"scheduled_by" text NOT NULL,
	"lease_owner" text,
	"lease_until" bigint,
	"attempts" integer NOT NULL,
	"executed_at" bigint,
	"restored_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_links" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" bigint,
	"revoked_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "keep_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"deletion_id" text NOT NULL,
	"link_id" text NOT NULL,
	"name" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_items" (
	"snapshot_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"year" integer,
	"library_id" text,
	"tmdb_id" text,
	"tvdb_id" text,
	"imdb_id" text,
	"added_at" bigint,
	"size_bytes" bigint,
	"series_id" text,
	"season_number" integer,
	"episode_number" integer,
	"streams" jsonb,
	CONSTRAINT "library_items_snapshot_id_id_pk" PRIMARY KEY("snapshot_id","id")
);
--> statement-breakpoint
CREATE TABLE "media_libraries" (
	"snapshot_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"collection_type" text,
	CONSTRAINT "media_libraries_snapshot_id_id_pk" PRIMARY KEY("snapshot_id","id")
);
--> statement-breakpoint
CREATE TABLE "media_users" (
	"snapshot_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "media_users_snapshot_id_id_pk" PRIMARY KEY("snapshot_id","id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "memberships_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "nicknames" (
	"tenant_id" text NOT NULL,
	"source" text NOT NULL,
	"user_id" text NOT NULL,
	"display_name" text NOT NULL,
	CONSTRAINT "nicknames_tenant_id_source_user_id_pk" PRIMARY KEY("tenant_id","source","user_id")
);
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"events" jsonb NOT NULL,
	"secrets_cipher" text NOT NULL,
	"to" jsonb NOT NULL,
	"target" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"event" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"error" text,
	"lease_until" bigint,
	"next_attempt_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recent_items" (
	"tenant_id" text NOT NULL,
	"request_id" integer NOT NULL,
	"media_type" text NOT NULL,
	"tmdb_id" integer,
	"is_4k" boolean NOT NULL,
	"title" text NOT NULL,
	"requester" text,
	"arrived_at" bigint NOT NULL,
	"episodes" text,
	"library_item_id" text,
	CONSTRAINT "recent_items_tenant_id_request_id_pk" PRIMARY KEY("tenant_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"family_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"rotated_at" bigint,
	"revoked_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_issues" (
	"tenant_id" text NOT NULL,
	"request_id" integer NOT NULL,
	"media_type" text NOT NULL,
	"tmdb_id" integer,
	"is_4k" boolean NOT NULL,
	"title" text NOT NULL,
	"year" integer,
	"requested_by" text,
	"requested_at" bigint,
	"request_status" integer NOT NULL,
	"media_status" integer NOT NULL,
	"release_date" text,
	"release_day" integer,
	"missing_seasons" jsonb NOT NULL,
	"stale" boolean NOT NULL,
	"library_item_id" text,
	"name_rank" integer NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "request_issues_tenant_id_request_id_pk" PRIMARY KEY("tenant_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "seerr_requests" (
	"snapshot_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"id" integer NOT NULL,
	"type" text NOT NULL,
	"status" integer NOT NULL,
	"is_4k" boolean NOT NULL,
	"created_at" bigint,
	"updated_at" bigint,
	"requested_by_id" integer,
	"seasons" jsonb NOT NULL,
	"media" jsonb NOT NULL,
	CONSTRAINT "seerr_requests_snapshot_id_id_pk" PRIMARY KEY("snapshot_id","id")
);
--> statement-breakpoint
CREATE TABLE "seerr_users" (
	"snapshot_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"id" integer NOT NULL,
	"display_name" text,
	"jellyfin_user_id" text,
	CONSTRAINT "seerr_users_snapshot_id_id_pk" PRIMARY KEY("snapshot_id","id")
);
--> statement-breakpoint
CREATE TABLE "space_history" (
	"tenant_id" text NOT NULL,
	"day" integer NOT NULL,
	"run_id" text NOT NULL,
	"at" bigint NOT NULL,
	"total_bytes" bigint NOT NULL,
	"items" integer NOT NULL,
	"could_free_bytes" bigint NOT NULL,
	"could_free_titles" integer NOT NULL,
	"old_count" integer NOT NULL,
	"old_bytes" bigint NOT NULL,
	"large_count" integer NOT NULL,
	"large_bytes" bigint NOT NULL,
	"language_count" integer NOT NULL,
	"language_bytes" bigint NOT NULL,
	CONSTRAINT "space_history_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"allow_shrink" boolean NOT NULL,
	"step" text,
	"done" integer NOT NULL,
	"total" integer,
	"error" text,
	"counts" jsonb,
	"created_at" bigint NOT NULL,
	"started_at" bigint,
	"finished_at" bigint,
	"heartbeat_at" bigint
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"library_snapshot_id" text,
	"requests_snapshot_id" text,
	"lease_run_id" text,
	"lease_until" bigint,
	"last_success_at" bigint,
	"allow_shrink_once" boolean NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "title_cache" (
	"tenant_id" text NOT NULL,
	"media_type" text NOT NULL,
	"tmdb_id" integer NOT NULL,
	"language" text NOT NULL,
	"info" jsonb,
	"fetched_at" bigint NOT NULL,
	CONSTRAINT "title_cache_tenant_id_media_type_tmdb_id_language_pk" PRIMARY KEY("tenant_id","media_type","tmdb_id","language")
);
--> statement-breakpoint
CREATE TABLE "title_issues" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"media_type" text NOT NULL,
	"title" text NOT NULL,
	"year" integer,
	"library_id" text,
	"tmdb_id" text,
	"tvdb_id" text,
	"imdb_id" text,
	"size_bytes" bigint,
	"largest_season_bytes" bigint,
	"added_at" bigint,
	"last_watched_at" bigint,
	"watched" boolean NOT NULL,
	"watched_by" jsonb NOT NULL,
	"play_count" integer NOT NULL,
	"old_since" bigint,
	"is_large" boolean NOT NULL,
	"has_language" boolean NOT NULL,
	"language_codes" jsonb NOT NULL,
	"problem_episodes" jsonb NOT NULL,
	"name_rank" integer NOT NULL,
	"arr_app" text,
	"arr_id" integer,
	"search_text" text NOT NULL,
	"evaluated_at" bigint NOT NULL,
	CONSTRAINT "title_issues_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"password_changed_at" bigint NOT NULL,
	"sessions_valid_after" bigint NOT NULL,
	"token_version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watch_records" (
	"snapshot_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"title_id" text NOT NULL,
	"item_id" text NOT NULL,
	"played" boolean NOT NULL,
	"position_ticks" bigint NOT NULL,
	"play_count" integer NOT NULL,
	"last_played_at" bigint,
	CONSTRAINT "watch_records_snapshot_id_user_id_title_id_pk" PRIMARY KEY("snapshot_id","user_id","title_id")
);
--> statement-breakpoint
CREATE TABLE "whitelist_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"type" text NOT NULL,
	"kind" text NOT NULL,
	"jellyfin_id" text,
	"tmdb_id" text,
	"tvdb_id" text,
	"imdb_id" text,
	"title" text NOT NULL,
	"series_jellyfin_id" text,
	"season_number" integer,
	"episode_number" integer,
	"request_id" integer,
	"media_type" text,
	"languages" jsonb,
	"expires_at" bigint,
	"expiry_applied" boolean NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_state" ADD CONSTRAINT "analysis_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arr_items" ADD CONSTRAINT "arr_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_events" ADD CONSTRAINT "deletion_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletions" ADD CONSTRAINT "deletions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_links" ADD CONSTRAINT "household_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keep_requests" ADD CONSTRAINT "keep_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nicknames" ADD CONSTRAINT "nicknames_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recent_items" ADD CONSTRAINT "recent_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_issues" ADD CONSTRAINT "request_issues_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_history" ADD CONSTRAINT "space_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_cache" ADD CONSTRAINT "title_cache_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_issues" ADD CONSTRAINT "title_issues_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_tenant_idx" ON "api_tokens" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "arr_items_tmdb_idx" ON "arr_items" USING btree ("tenant_id","tmdb_id");--> statement-breakpoint
CREATE INDEX "arr_items_tvdb_idx" ON "arr_items" USING btree ("tenant_id","tvdb_id");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_at_idx" ON "audit_log" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "deletion_events_deletion_idx" ON "deletion_events" USING btree ("deletion_id","at");--> statement-breakpoint
CREATE INDEX "deletions_due_idx" ON "deletions" USING btree ("status","execute_at");--> statement-breakpoint
CREATE INDEX "deletions_tenant_status_idx" ON "deletions" USING btree ("tenant_id","status","execute_at");--> statement-breakpoint
CREATE INDEX "deletions_tenant_item_idx" ON "deletions" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_links_token_idx" ON "household_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "household_links_tenant_idx" ON "household_links" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "keep_requests_deletion_idx" ON "keep_requests" USING btree ("tenant_id","deletion_id");--> statement-breakpoint
CREATE INDEX "library_items_series_idx" ON "library_items" USING btree ("snapshot_id","series_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notification_channels_tenant_idx" ON "notification_channels" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_key_idx" ON "notification_deliveries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "notification_deliveries_tenant_idx" ON "notification_deliveries" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_hash_uq" ON "password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "recent_items_arrived_idx" ON "recent_items" USING btree ("tenant_id","arrived_at");--> statement-breakpoint
CREATE UNIQUE INDEX "refresh_tokens_hash_uq" ON "refresh_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sync_runs_tenant_created_idx" ON "sync_runs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "sync_runs_status_idx" ON "sync_runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "title_issues_totals_idx" ON "title_issues" USING btree ("tenant_id","old_since","is_large","has_language","size_bytes");--> statement-breakpoint
CREATE INDEX "title_issues_size_idx" ON "title_issues" USING btree ("tenant_id","size_bytes");--> statement-breakpoint
CREATE INDEX "title_issues_rank_idx" ON "title_issues" USING btree ("tenant_id","name_rank");--> statement-breakpoint
CREATE INDEX "title_issues_large_idx" ON "title_issues" USING btree ("tenant_id","is_large","size_bytes");--> statement-breakpoint
CREATE INDEX "title_issues_language_idx" ON "title_issues" USING btree ("tenant_id","has_language","size_bytes");--> statement-breakpoint
CREATE INDEX "title_issues_tmdb_idx" ON "title_issues" USING btree ("tenant_id","tmdb_id");--> statement-breakpoint
CREATE INDEX "title_issues_tvdb_idx" ON "title_issues" USING btree ("tenant_id","tvdb_id");--> statement-breakpoint
CREATE INDEX "title_issues_imdb_idx" ON "title_issues" USING btree ("tenant_id","imdb_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "watch_records_title_idx" ON "watch_records" USING btree ("snapshot_id","title_id");--> statement-breakpoint
CREATE INDEX "whitelist_entries_tenant_type_idx" ON "whitelist_entries" USING btree ("tenant_id","type");--> statement-breakpoint
CREATE INDEX "whitelist_entries_expiry_idx" ON "whitelist_entries" USING btree ("tenant_id","expiry_applied","expires_at");