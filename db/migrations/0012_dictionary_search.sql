CREATE TABLE `dictionary_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`competency_id` text,
	`type` text NOT NULL,
	`parent_id` text,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`rationale` text DEFAULT '' NOT NULL,
	`proposed_by` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_reason` text,
	`result_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dictionary_proposals_status` ON `dictionary_proposals` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `dictionary_proposals_by` ON `dictionary_proposals` (`proposed_by`);--> statement-breakpoint
ALTER TABLE `competencies` ADD `indicators` text;--> statement-breakpoint
ALTER TABLE `competencies` ADD `merged_into_id` text REFERENCES competencies(id);--> statement-breakpoint
-- Search: one row per searchable thing (dictionary entry, draft node, node of a ministry's latest
-- published version), kept in step by the triggers below, and an FTS5 index over it (BM25, prefixes).
-- why categories with M*: unicode61 otherwise splits Devanagari words at every vowel sign and virama.
CREATE TABLE `search_docs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL CHECK (`scope` in ('dictionary','draft','published')),
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`mdo_id` text,
	`version` integer,
	`type` text,
	`code` text,
	`name` text NOT NULL,
	`name_hi` text,
	`description` text NOT NULL DEFAULT '',
	`theme` text,
	`source` text,
	`status` text NOT NULL DEFAULT 'active',
	`public` integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
CREATE INDEX `search_docs_ref` ON `search_docs` (`ref_id`, `scope`);
--> statement-breakpoint
CREATE INDEX `search_docs_scope_mdo` ON `search_docs` (`scope`, `mdo_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	name, name_hi, code, description,
	content='search_docs', content_rowid='id',
	tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
	prefix='2 3'
);
--> statement-breakpoint
-- The names alone (names, Hindi names, codes): searched first, so that a short prefix typed into the
-- search box ranks a few thousand names rather than every description that holds a word like it.
CREATE VIRTUAL TABLE `search_names` USING fts5(
	name, name_hi, code,
	content='search_docs', content_rowid='id',
	tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
	prefix='2 3'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_vocab` USING fts5vocab(`search_fts`, 'row');
--> statement-breakpoint
-- Bumped on every change of the index, so that a process's typo vocabulary knows when to reload.
CREATE TABLE `search_state` (`id` integer PRIMARY KEY CHECK (`id` = 1), `generation` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `search_state` (`id`, `generation`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
	INSERT INTO search_fts (rowid, name, name_hi, code, description) VALUES (new.id, new.name, new.name_hi, new.code, new.description);
	INSERT INTO search_names (rowid, name, name_hi, code) VALUES (new.id, new.name, new.name_hi, new.code);
	UPDATE search_state SET generation = generation + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
	INSERT INTO search_fts (search_fts, rowid, name, name_hi, code, description) VALUES ('delete', old.id, old.name, old.name_hi, old.code, old.description);
	INSERT INTO search_names (search_names, rowid, name, name_hi, code) VALUES ('delete', old.id, old.name, old.name_hi, old.code);
	UPDATE search_state SET generation = generation + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE OF name, name_hi, code, description ON `search_docs` BEGIN
	INSERT INTO search_fts (search_fts, rowid, name, name_hi, code, description) VALUES ('delete', old.id, old.name, old.name_hi, old.code, old.description);
	INSERT INTO search_fts (rowid, name, name_hi, code, description) VALUES (new.id, new.name, new.name_hi, new.code, new.description);
	INSERT INTO search_names (search_names, rowid, name, name_hi, code) VALUES ('delete', old.id, old.name, old.name_hi, old.code);
	INSERT INTO search_names (rowid, name, name_hi, code) VALUES (new.id, new.name, new.name_hi, new.code);
	UPDATE search_state SET generation = generation + 1 WHERE id = 1;
END;
--> statement-breakpoint
-- Dictionary entries. A ministry's Domain entry is public once one of its published versions requires it.
CREATE TRIGGER `competencies_search_ai` AFTER INSERT ON `competencies` BEGIN
	INSERT INTO search_docs (scope, kind, ref_id, mdo_id, type, code, name, name_hi, description, theme, source, status, public)
	VALUES ('dictionary', 'competency', new.id, new.mdo_id, new.type, new.code, new.name, new.name_hi, new.description,
		(SELECT p.name FROM competencies p WHERE p.id = new.parent_id), new.source, new.status, new.mdo_id IS NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `competencies_search_au` AFTER UPDATE ON `competencies` BEGIN
	UPDATE search_docs SET mdo_id = new.mdo_id, type = new.type, code = new.code, name = new.name, name_hi = new.name_hi,
		description = new.description, theme = (SELECT p.name FROM competencies p WHERE p.id = new.parent_id),
		source = new.source, status = new.status, public = (public OR new.mdo_id IS NULL)
	WHERE scope = 'dictionary' AND ref_id = new.id;
	UPDATE search_docs SET theme = new.name
	WHERE new.name IS NOT old.name AND scope = 'dictionary' AND ref_id IN (SELECT c.id FROM competencies c WHERE c.parent_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `competencies_search_ad` AFTER DELETE ON `competencies` BEGIN
	DELETE FROM search_docs WHERE scope = 'dictionary' AND ref_id = old.id;
END;
--> statement-breakpoint
-- Draft nodes (the working copy of each ministry).
CREATE TRIGGER `nodes_search_ai` AFTER INSERT ON `nodes` BEGIN
	INSERT INTO search_docs (scope, kind, ref_id, mdo_id, name, name_hi, description, source)
	VALUES ('draft', new.kind, new.id, (SELECT f.mdo_id FROM frameworks f WHERE f.id = new.framework_id), new.name, new.name_hi, new.description, new.source);
END;
--> statement-breakpoint
CREATE TRIGGER `nodes_search_au` AFTER UPDATE OF kind, name, name_hi, description, source ON `nodes` BEGIN
	UPDATE search_docs SET kind = new.kind, name = new.name, name_hi = new.name_hi, description = new.description, source = new.source
	WHERE scope = 'draft' AND ref_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `nodes_search_ad` AFTER DELETE ON `nodes` BEGIN
	DELETE FROM search_docs WHERE scope = 'draft' AND ref_id = old.id;
END;
--> statement-breakpoint
-- A new published version replaces its ministry's previously published nodes in the index and
-- makes the Domain entries it requires visible to every ministry.
CREATE TRIGGER `versions_search_ai` AFTER INSERT ON `versions` BEGIN
	DELETE FROM search_docs WHERE scope = 'published' AND mdo_id = new.mdo_id;
	INSERT INTO search_docs (scope, kind, ref_id, mdo_id, version, name, name_hi, description, source, public)
	SELECT 'published', n.value ->> '$.kind', n.value ->> '$.id', new.mdo_id, new.number, n.value ->> '$.name',
		n.value ->> '$.nameHi', coalesce(n.value ->> '$.description', ''), n.value ->> '$.source', 1
	FROM json_each(new.document, '$.nodes') n WHERE n.value ->> '$.kind' <> 'competency';
	UPDATE search_docs SET public = 1
	WHERE scope = 'dictionary' AND public = 0 AND ref_id IN (
		SELECT n.value ->> '$.id' FROM json_each(new.document, '$.nodes') n WHERE n.value ->> '$.kind' = 'competency');
END;
--> statement-breakpoint
-- What exists already.
INSERT INTO search_docs (scope, kind, ref_id, mdo_id, type, code, name, name_hi, description, theme, source, status, public)
SELECT 'dictionary', 'competency', c.id, c.mdo_id, c.type, c.code, c.name, c.name_hi, c.description, p.name, c.source, c.status, c.mdo_id IS NULL
FROM competencies c LEFT JOIN competencies p ON p.id = c.parent_id;
--> statement-breakpoint
INSERT INTO search_docs (scope, kind, ref_id, mdo_id, name, name_hi, description, source)
SELECT 'draft', n.kind, n.id, f.mdo_id, n.name, n.name_hi, n.description, n.source FROM nodes n JOIN frameworks f ON f.id = n.framework_id;
--> statement-breakpoint
INSERT INTO search_docs (scope, kind, ref_id, mdo_id, version, name, name_hi, description, source, public)
SELECT 'published', n.value ->> '$.kind', n.value ->> '$.id', v.mdo_id, v.number, n.value ->> '$.name', n.value ->> '$.nameHi',
	coalesce(n.value ->> '$.description', ''), n.value ->> '$.source', 1
FROM versions v, json_each(v.document, '$.nodes') n
WHERE v.number = (SELECT max(v2.number) FROM versions v2 WHERE v2.mdo_id = v.mdo_id) AND n.value ->> '$.kind' <> 'competency';
--> statement-breakpoint
UPDATE search_docs SET public = 1 WHERE scope = 'dictionary' AND public = 0 AND ref_id IN (
	SELECT n.value ->> '$.id' FROM versions v, json_each(v.document, '$.nodes') n WHERE n.value ->> '$.kind' = 'competency');
