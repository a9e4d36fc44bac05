-- A third ledger status, `held` (DESIGN §2): recorded, with a receipt, using the voter's quota,
-- but not in public counts until an organizer releases it (then it counts) or voids it. And every
-- status change becomes an append-only event that the checkpoints seal (issue 13 item 8).
ALTER TABLE `nominees` ADD `held_likes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The decision that set the row's current status (ledger_changes.id); every status change must
-- bring a new one, so no code path can change a status without saying who, when and why.
ALTER TABLE `likes` ADD `status_change` text;--> statement-breakpoint
-- One organizer decision (void, release, reinstate…): who, when, why, and how many rows it moved.
CREATE TABLE `ledger_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`action` text NOT NULL,
	`reason` text NOT NULL,
	`actor` text NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
-- One ledger row's status change, written by the trigger below in the same statement as the change.
CREATE TABLE `ledger_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`like_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`change_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ledger_events_campaign` ON `ledger_events` (`campaign_id`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_events_like` ON `ledger_events` (`like_id`,`id`);--> statement-breakpoint
CREATE INDEX `likes_status_change` ON `likes` (`status_change`) WHERE "likes"."status_change" IS NOT NULL;--> statement-breakpoint
-- Checkpoints also seal the events and the counted total per nominee (hash of the canonical list).
ALTER TABLE `ledger_checkpoints` ADD `last_event_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_checkpoints` ADD `event_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_checkpoints` ADD `event_hash` text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_checkpoints` ADD `counted` integer;--> statement-breakpoint
ALTER TABLE `ledger_checkpoints` ADD `counts_hash` text;--> statement-breakpoint
DROP TRIGGER `likes_after_insert`;
--> statement-breakpoint
-- Any recorded like uses the voter's quota; it counts into the counter of its status. (No check of
-- the status on insert: a trigger for it cost ~25% of an insert's CPU, measured with sqlite3; the
-- like write is the one insert path and writes `counted` or `held`.)
CREATE TRIGGER `likes_after_insert` AFTER INSERT ON `likes`
BEGIN
  INSERT OR IGNORE INTO `voter_days` (`campaign_id`, `voter_hash`, `day`, `used`)
    VALUES (NEW.`campaign_id`, NEW.`voter_hash`, NEW.`day`, 0);
  UPDATE `voter_days` SET `used` = `used` + 1
    WHERE `campaign_id` = NEW.`campaign_id` AND `voter_hash` = NEW.`voter_hash` AND `day` = NEW.`day`;
  UPDATE `nominees`
    SET `likes` = `likes` + (NEW.`status` = 'counted'),
        `held_likes` = `held_likes` + (NEW.`status` = 'held'),
        `voided_likes` = `voided_likes` + (NEW.`status` = 'voided')
    WHERE `id` = NEW.`nominee_id`;
  INSERT OR IGNORE INTO `like_hours` (`campaign_id`, `hour`, `likes`)
    VALUES (NEW.`campaign_id`, (NEW.`created_at` / 3600000) * 3600000, 0);
  UPDATE `like_hours` SET `likes` = `likes` + (NEW.`status` = 'counted')
    WHERE `campaign_id` = NEW.`campaign_id` AND `hour` = (NEW.`created_at` / 3600000) * 3600000;
END;
--> statement-breakpoint
DROP TRIGGER `likes_after_void`;
--> statement-breakpoint
DROP TRIGGER `likes_after_restore`;
--> statement-breakpoint
-- The four transitions: held→counted (release), held→voided, counted→voided (void),
-- voided→counted (reinstate). Anything else is refused.
CREATE TRIGGER `likes_status_transition` BEFORE UPDATE OF `status` ON `likes`
WHEN OLD.`status` <> NEW.`status` AND NOT (
  (OLD.`status` = 'held' AND NEW.`status` IN ('counted', 'voided')) OR
  (OLD.`status` = 'counted' AND NEW.`status` = 'voided') OR
  (OLD.`status` = 'voided' AND NEW.`status` = 'counted'))
BEGIN
  SELECT RAISE(ABORT, 'this ledger status change is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `likes_status_needs_change` BEFORE UPDATE OF `status` ON `likes`
WHEN OLD.`status` <> NEW.`status`
  AND (NEW.`status_change` IS NULL OR NEW.`status_change` IS OLD.`status_change`)
BEGIN
  SELECT RAISE(ABORT, 'a status change needs its own recorded decision, with a reason');
END;
--> statement-breakpoint
-- Counters move with the status, in the same statement, and the change becomes an event.
CREATE TRIGGER `likes_after_status` AFTER UPDATE OF `status` ON `likes`
WHEN OLD.`status` <> NEW.`status`
BEGIN
  UPDATE `nominees`
    SET `likes` = `likes` + (NEW.`status` = 'counted') - (OLD.`status` = 'counted'),
        `held_likes` = `held_likes` + (NEW.`status` = 'held') - (OLD.`status` = 'held'),
        `voided_likes` = `voided_likes` + (NEW.`status` = 'voided') - (OLD.`status` = 'voided')
    WHERE `id` = NEW.`nominee_id`;
  UPDATE `like_hours` SET `likes` = `likes` + (NEW.`status` = 'counted') - (OLD.`status` = 'counted')
    WHERE `campaign_id` = NEW.`campaign_id` AND `hour` = (NEW.`created_at` / 3600000) * 3600000;
  INSERT INTO `ledger_events` (`campaign_id`, `like_id`, `from_status`, `to_status`, `change_id`)
    VALUES (NEW.`campaign_id`, NEW.`id`, OLD.`status`, NEW.`status`, NEW.`status_change`);
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_events_no_update` BEFORE UPDATE ON `ledger_events`
BEGIN
  SELECT RAISE(ABORT, 'ledger events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_events_no_delete` BEFORE DELETE ON `ledger_events`
BEGIN
  SELECT RAISE(ABORT, 'ledger events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_changes_no_update` BEFORE UPDATE ON `ledger_changes`
BEGIN
  SELECT RAISE(ABORT, 'ledger decisions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_changes_no_delete` BEFORE DELETE ON `ledger_changes`
BEGIN
  SELECT RAISE(ABORT, 'ledger decisions are append-only');
END;
