ALTER TABLE `title_issues` ADD `arr_app` text;--> statement-breakpoint
ALTER TABLE `title_issues` ADD `arr_id` integer;