ALTER TABLE `competencies` ADD `description_hi` text;--> statement-breakpoint
ALTER TABLE `nodes` ADD `description_hi` text;--> statement-breakpoint
-- Search finds Hindi descriptions too: search_docs keeps a copy, and search_fts (the descriptions tier)
-- gets a column for it. An FTS5 table cannot gain a column, so it is made again (with search_vocab,
-- which reads it) and rebuilt from search_docs; the triggers that write it are made again with the column.
ALTER TABLE `search_docs` ADD `description_hi` text;
--> statement-breakpoint
DROP TRIGGER `search_docs_ai`;
--> statement-breakpoint
DROP TRIGGER `search_docs_ad`;
--> statement-breakpoint
DROP TRIGGER `search_docs_au`;
--> statement-breakpoint
DROP TABLE `search_vocab`;
--> statement-breakpoint
DROP TABLE `search_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	name, name_hi, code, description, description_hi,
	content='search_docs', content_rowid='id',
	tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
	prefix='2 3'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_vocab` USING fts5vocab(`search_fts`, 'row');
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
	INSERT INTO search_fts (rowid, name, name_hi, code, description, description_hi) VALUES (new.id, new.name, new.name_hi, new.code, new.description, new.description_hi);
	INSERT INTO search_names (rowid, name, name_hi, code) VALUES (new.id, new.name, new.name_hi, new.code);
	UPDATE search_state SET generation = generation + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
	INSERT INTO search_fts (search_fts, rowid, name, name_hi, code, description, description_hi) VALUES ('delete', old.id, old.name, old.name_hi, old.code, old.description, old.description_hi);
	INSERT INTO search_names (search_names, rowid, name, name_hi, code) VALUES ('delete', old.id, old.name, old.name_hi, old.code);
	UPDATE search_state SET generation = generation + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE OF name, name_hi, code, description, description_hi ON `search_docs` BEGIN
	INSERT INTO search_fts (search_fts, rowid, name, name_hi, code, description, description_hi) VALUES ('delete', old.id, old.name, old.name_hi, old.code, old.description, old.description_hi);
	INSERT INTO search_fts (rowid, name, name_hi, code, description, description_hi) VALUES (new.id, new.name, new.name_hi, new.code, new.description, new.description_hi);
	INSERT INTO search_names (search_names, rowid, name, name_hi, code) VALUES ('delete', old.id, old.name, old.name_hi, old.code);
	INSERT INTO search_names (rowid, name, name_hi, code) VALUES (new.id, new.name, new.name_hi, new.code);
	UPDATE search_state SET generation = generation + 1 WHERE id = 1;
END;
--> statement-breakpoint
DROP TRIGGER `competencies_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `competencies_search_ai` AFTER INSERT ON `competencies` BEGIN
	INSERT INTO search_docs (scope, kind, ref_id, mdo_id, type, code, name, name_hi, description, description_hi, theme, source, status, public)
	VALUES ('dictionary', 'competency', new.id, new.mdo_id, new.type, new.code, new.name, new.name_hi, new.description, new.description_hi,
		(SELECT p.name FROM competencies p WHERE p.id = new.parent_id), new.source, new.status, new.mdo_id IS NULL);
END;
--> statement-breakpoint
DROP TRIGGER `competencies_search_au`;
--> statement-breakpoint
CREATE TRIGGER `competencies_search_au` AFTER UPDATE ON `competencies` BEGIN
	UPDATE search_docs SET mdo_id = new.mdo_id, type = new.type, code = new.code, name = new.name, name_hi = new.name_hi,
		description = new.description, description_hi = new.description_hi, theme = (SELECT p.name FROM competencies p WHERE p.id = new.parent_id),
		source = new.source, status = new.status, public = (public OR new.mdo_id IS NULL)
	WHERE scope = 'dictionary' AND ref_id = new.id;
	UPDATE search_docs SET theme = new.name
	WHERE new.name IS NOT old.name AND scope = 'dictionary' AND ref_id IN (SELECT c.id FROM competencies c WHERE c.parent_id = new.id);
END;
--> statement-breakpoint
DROP TRIGGER `nodes_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `nodes_search_ai` AFTER INSERT ON `nodes` BEGIN
	INSERT INTO search_docs (scope, kind, ref_id, mdo_id, name, name_hi, description, description_hi, source)
	VALUES ('draft', new.kind, new.id, (SELECT f.mdo_id FROM frameworks f WHERE f.id = new.framework_id), new.name, new.name_hi, new.description, new.description_hi, new.source);
END;
--> statement-breakpoint
DROP TRIGGER `nodes_search_au`;
--> statement-breakpoint
CREATE TRIGGER `nodes_search_au` AFTER UPDATE OF kind, name, name_hi, description, description_hi, source ON `nodes` BEGIN
	UPDATE search_docs SET kind = new.kind, name = new.name, name_hi = new.name_hi, description = new.description, description_hi = new.description_hi, source = new.source
	WHERE scope = 'draft' AND ref_id = new.id;
END;
--> statement-breakpoint
DROP TRIGGER `versions_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `versions_search_ai` AFTER INSERT ON `versions` BEGIN
	DELETE FROM search_docs WHERE scope = 'published' AND mdo_id = new.mdo_id;
	INSERT INTO search_docs (scope, kind, ref_id, mdo_id, version, name, name_hi, description, description_hi, source, public)
	SELECT 'published', n.value ->> '$.kind', n.value ->> '$.id', new.mdo_id, new.number, n.value ->> '$.name',
		n.value ->> '$.nameHi', coalesce(n.value ->> '$.description', ''), n.value ->> '$.descriptionHi', n.value ->> '$.source', 1
	FROM json_each(new.document, '$.nodes') n WHERE n.value ->> '$.kind' <> 'competency';
	UPDATE search_docs SET public = 1
	WHERE scope = 'dictionary' AND public = 0 AND ref_id IN (
		SELECT n.value ->> '$.id' FROM json_each(new.document, '$.nodes') n WHERE n.value ->> '$.kind' = 'competency');
END;
--> statement-breakpoint
-- Published documents written before this migration carry no descriptionHi, and the new columns of
-- competencies and nodes are empty, so there is nothing to copy: the rebuild indexes what search_docs holds.
INSERT INTO search_fts (search_fts) VALUES ('rebuild');
--> statement-breakpoint
UPDATE search_state SET generation = generation + 1 WHERE id = 1;
