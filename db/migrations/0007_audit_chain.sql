ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
-- The audit log stays append-only; the one update allowed is the one-time chaining of rows
-- written before the chain existed (hash still null), and it may set nothing but the chain.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN OLD.`hash` IS NOT NULL
  OR NEW.`id` IS NOT OLD.`id` OR NEW.`at` IS NOT OLD.`at` OR NEW.`user_id` IS NOT OLD.`user_id`
  OR NEW.`mdo_id` IS NOT OLD.`mdo_id` OR NEW.`entity` IS NOT OLD.`entity` OR NEW.`entity_id` IS NOT OLD.`entity_id`
  OR NEW.`action` IS NOT OLD.`action` OR NEW.`field` IS NOT OLD.`field`
  OR NEW.`before` IS NOT OLD.`before` OR NEW.`after` IS NOT OLD.`after`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
