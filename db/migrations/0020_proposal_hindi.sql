ALTER TABLE `dictionary_proposals` ADD `name_hi` text;--> statement-breakpoint
ALTER TABLE `dictionary_proposals` ADD `description_hi` text;