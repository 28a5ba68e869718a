CREATE TABLE `dictionary_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `dictionary_revision` (`id`, `revision`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `dictionary_revision_insert` AFTER INSERT ON `competencies` BEGIN UPDATE `dictionary_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dictionary_revision_update` AFTER UPDATE ON `competencies` BEGIN UPDATE `dictionary_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `dictionary_revision_delete` AFTER DELETE ON `competencies` BEGIN UPDATE `dictionary_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
