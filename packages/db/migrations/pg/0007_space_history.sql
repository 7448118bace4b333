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
ALTER TABLE "space_history" ADD CONSTRAINT "space_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;