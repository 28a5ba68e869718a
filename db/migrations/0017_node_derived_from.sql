ALTER TABLE `nodes` ADD `derived_from_node_id` text;--> statement-breakpoint
ALTER TABLE `nodes` ADD `derived_from_mdo_id` text REFERENCES mdos(id);--> statement-breakpoint
ALTER TABLE `nodes` ADD `derived_from_version` integer;