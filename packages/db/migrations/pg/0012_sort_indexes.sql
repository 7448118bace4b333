DROP INDEX "title_issues_size_idx";--> statement-breakpoint
DROP INDEX "title_issues_rank_idx";--> statement-breakpoint
CREATE INDEX "request_issues_requested_idx" ON "request_issues" USING btree ("tenant_id","requested_at","name_rank");--> statement-breakpoint
CREATE INDEX "request_issues_release_idx" ON "request_issues" USING btree ("tenant_id","release_day","name_rank");--> statement-breakpoint
CREATE INDEX "request_issues_rank_idx" ON "request_issues" USING btree ("tenant_id","name_rank");--> statement-breakpoint
CREATE INDEX "title_issues_added_idx" ON "title_issues" USING btree ("tenant_id","added_at","name_rank","old_since","is_large","has_language");--> statement-breakpoint
CREATE INDEX "title_issues_watched_idx" ON "title_issues" USING btree ("tenant_id","last_watched_at","name_rank","old_since","is_large","has_language");--> statement-breakpoint
CREATE INDEX "title_issues_year_idx" ON "title_issues" USING btree ("tenant_id","year","name_rank","old_since","is_large","has_language");--> statement-breakpoint
CREATE INDEX "title_issues_size_idx" ON "title_issues" USING btree ("tenant_id","size_bytes","name_rank","old_since","is_large","has_language");--> statement-breakpoint
CREATE INDEX "title_issues_rank_idx" ON "title_issues" USING btree ("tenant_id","name_rank","old_since","is_large","has_language");