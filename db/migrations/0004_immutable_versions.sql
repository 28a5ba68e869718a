-- Published versions and the review trail never change once written.
CREATE TRIGGER `versions_no_update` BEFORE UPDATE ON `versions`
BEGIN
  SELECT RAISE(ABORT, 'published versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `versions_no_delete` BEFORE DELETE ON `versions`
BEGIN
  SELECT RAISE(ABORT, 'published versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `review_events_no_update` BEFORE UPDATE ON `review_events`
BEGIN
  SELECT RAISE(ABORT, 'review_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `review_events_no_delete` BEFORE DELETE ON `review_events`
BEGIN
  SELECT RAISE(ABORT, 'review_events is append-only');
END;
