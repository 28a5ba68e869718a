-- Constraints drizzle-kit cannot express: an expression unique index and append-only audit rows.
CREATE UNIQUE INDEX `memberships_unique` ON `memberships` (`user_id`, `role`, coalesce(`mdo_id`, ''));
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
