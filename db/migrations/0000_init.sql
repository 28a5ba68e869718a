CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` text,
	`mdo_id` text,
	`entity` text NOT NULL,
	`entity_id` text,
	`action` text NOT NULL,
	`field` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_mdo_at` ON `audit_log` (`mdo_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity_id`);--> statement-breakpoint
CREATE TABLE `competencies` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`name_hi` text,
	`description` text DEFAULT '' NOT NULL,
	`parent_id` text,
	`mdo_id` text,
	`scale_id` text NOT NULL,
	`source` text,
	`status` text DEFAULT 'active' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mdo_id`) REFERENCES `mdos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scale_id`) REFERENCES `scales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competencies_code_unique` ON `competencies` (`code`);--> statement-breakpoint
CREATE INDEX `competencies_parent` ON `competencies` (`parent_id`);--> statement-breakpoint
CREATE INDEX `competencies_mdo` ON `competencies` (`mdo_id`);--> statement-breakpoint
CREATE TABLE `designations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `frameworks` (
	`id` text PRIMARY KEY NOT NULL,
	`mdo_id` text NOT NULL,
	`status` text DEFAULT 'DRAFT' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`mdo_id`) REFERENCES `mdos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `frameworks_mdo_unique` ON `frameworks` (`mdo_id`);--> statement-breakpoint
CREATE TABLE `links` (
	`id` text PRIMARY KEY NOT NULL,
	`framework_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_id` text NOT NULL,
	`to_node_id` text,
	`to_competency_id` text,
	`level` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_id`) REFERENCES `nodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_node_id`) REFERENCES `nodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "links_target" CHECK(("links"."to_node_id" is null) <> ("links"."to_competency_id" is null)),
	CONSTRAINT "links_level" CHECK(("links"."kind" in ('activity_competency','role_competency') and "links"."level" between 1 and 5 and "links"."to_competency_id" is not null)
        or ("links"."kind" not in ('activity_competency','role_competency') and "links"."level" is null and "links"."to_node_id" is not null))
);
--> statement-breakpoint
CREATE INDEX `links_framework` ON `links` (`framework_id`);--> statement-breakpoint
CREATE INDEX `links_from` ON `links` (`from_id`);--> statement-breakpoint
CREATE INDEX `links_to_node` ON `links` (`to_node_id`);--> statement-breakpoint
CREATE INDEX `links_to_competency` ON `links` (`to_competency_id`);--> statement-breakpoint
CREATE TABLE `mdos` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`parent_id` text,
	`active` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `mdos`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mdos_code_unique` ON `mdos` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `mdos_name_unique` ON `mdos` (`name`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`mdo_id` text,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mdo_id`) REFERENCES `mdos`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_scope" CHECK(("memberships"."role" in ('author','viewer') and "memberships"."mdo_id" is not null) or ("memberships"."role" not in ('author','viewer') and "memberships"."mdo_id" is null))
);
--> statement-breakpoint
CREATE INDEX `memberships_mdo` ON `memberships` (`mdo_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `nodes` (
	`id` text PRIMARY KEY NOT NULL,
	`framework_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_hi` text,
	`description` text DEFAULT '' NOT NULL,
	`source` text,
	`url` text,
	`resource_type` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`x` integer,
	`y` integer,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `nodes_framework_kind` ON `nodes` (`framework_id`,`kind`);--> statement-breakpoint
CREATE TABLE `scales` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`levels` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);