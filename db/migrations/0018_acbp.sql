CREATE TABLE `acbp_plan_rows` (
	`plan_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`level` integer NOT NULL,
	`lens_national` integer DEFAULT false NOT NULL,
	`lens_citizen` integer DEFAULT false NOT NULL,
	`lens_technology` integer DEFAULT false NOT NULL,
	`mode` text,
	`officials` integer,
	`quarter` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`plan_id`, `competency_id`, `level`),
	FOREIGN KEY (`plan_id`) REFERENCES `acbp_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "acbp_plan_rows_values" CHECK("acbp_plan_rows"."level" between 1 and 5 and ("acbp_plan_rows"."mode" is null or "acbp_plan_rows"."mode" in ('on_the_job','with_others','formal_course'))
        and ("acbp_plan_rows"."officials" is null or "acbp_plan_rows"."officials" between 0 and 10000000) and ("acbp_plan_rows"."quarter" is null or "acbp_plan_rows"."quarter" between 1 and 4))
);
--> statement-breakpoint
CREATE TABLE `acbp_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`mdo_id` text NOT NULL,
	`year` integer NOT NULL,
	`source_version` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`mdo_id`) REFERENCES `mdos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "acbp_plans_year" CHECK("acbp_plans"."year" between 2000 and 2100 and "acbp_plans"."source_version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `acbp_plans_mdo_year` ON `acbp_plans` (`mdo_id`,`year`);