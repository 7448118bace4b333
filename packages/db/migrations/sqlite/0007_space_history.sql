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
