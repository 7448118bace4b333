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
ALTER TABLE "arr_items" ADD CONSTRAINT "arr_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_events" ADD CONSTRAINT "deletion_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletions" ADD CONSTRAINT "deletions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arr_items_tmdb_idx" ON "arr_items" USING btree ("tenant_id","tmdb_id");--> statement-breakpoint
CREATE INDEX "arr_items_tvdb_idx" ON "arr_items" USING btree ("tenant_id","tvdb_id");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_at_idx" ON "audit_log" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "deletion_events_deletion_idx" ON "deletion_events" USING btree ("deletion_id","at");--> statement-breakpoint
CREATE INDEX "deletions_due_idx" ON "deletions" USING btree ("status","execute_at");--> statement-breakpoint
CREATE INDEX "deletions_tenant_status_idx" ON "deletions" USING btree ("tenant_id","status","execute_at");--> statement-breakpoint
CREATE INDEX "deletions_tenant_item_idx" ON "deletions" USING btree ("tenant_id","item_id");