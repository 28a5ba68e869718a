CREATE TABLE `dictionary_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`source_entry_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`relation` text NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`source_entry_id`) REFERENCES `source_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dictionary_mappings_pair` ON `dictionary_mappings` (`source_entry_id`,`competency_id`);--> statement-breakpoint
CREATE INDEX `dictionary_mappings_competency` ON `dictionary_mappings` (`competency_id`);--> statement-breakpoint
CREATE TABLE `dictionary_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`creator` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`uri` text,
	`version` text,
	`case_version` text,
	`last_change_date_time` text,
	`imported_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `source_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`parent_id` text,
	`full_statement` text NOT NULL,
	`abbreviated_statement` text,
	`human_coding_scheme` text,
	`item_type` text,
	`language` text,
	`notes` text,
	`uri` text,
	`last_change_date_time` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `dictionary_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `source_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `source_entries_source` ON `source_entries` (`source_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `source_entries_parent` ON `source_entries` (`parent_id`);