ALTER TABLE "title_issues" ADD COLUMN "arr_app" text;--> statement-breakpoint
ALTER TABLE "title_issues" ADD COLUMN "arr_id" integer;