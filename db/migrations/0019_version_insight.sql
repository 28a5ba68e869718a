CREATE TABLE `version_insight` (
	`sha256` text PRIMARY KEY NOT NULL,
	`rules` integer NOT NULL,
	`demand` text NOT NULL,
	`completeness` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `versions_summary` ON `versions` (`mdo_id`,`number`,`sha256`,`published_at`,`node_count`,`link_count`);