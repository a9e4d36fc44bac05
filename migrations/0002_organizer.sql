CREATE TABLE `like_hours` (
	`campaign_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`likes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `hour`)
);
--> statement-breakpoint
CREATE TABLE `rejections` (
	`campaign_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`reason` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `hour`, `reason`)
);
--> statement-breakpoint
ALTER TABLE `campaigns` ADD `nominee_order` text DEFAULT 'number' NOT NULL;--> statement-breakpoint
-- The insert trigger now also keeps the hourly counter behind the dashboard's chart.
DROP TRIGGER `likes_after_insert`;
--> statement-breakpoint
CREATE TRIGGER `likes_after_insert` AFTER INSERT ON `likes`
BEGIN
  INSERT OR IGNORE INTO `voter_days` (`campaign_id`, `voter_hash`, `day`, `used`)
    VALUES (NEW.`campaign_id`, NEW.`voter_hash`, NEW.`day`, 0);
  UPDATE `voter_days` SET `used` = `used` + 1
    WHERE `campaign_id` = NEW.`campaign_id` AND `voter_hash` = NEW.`voter_hash` AND `day` = NEW.`day`;
  UPDATE `nominees`
    SET `likes` = `likes` + (NEW.`status` = 'counted'),
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
CREATE TRIGGER `likes_after_void` AFTER UPDATE OF `status` ON `likes`
WHEN OLD.`status` = 'counted' AND NEW.`status` = 'voided'
BEGIN
  UPDATE `nominees` SET `likes` = `likes` - 1, `voided_likes` = `voided_likes` + 1
    WHERE `id` = NEW.`nominee_id`;
  UPDATE `like_hours` SET `likes` = `likes` - 1
    WHERE `campaign_id` = NEW.`campaign_id` AND `hour` = (NEW.`created_at` / 3600000) * 3600000;
END;
--> statement-breakpoint
DROP TRIGGER `likes_after_restore`;
--> statement-breakpoint
CREATE TRIGGER `likes_after_restore` AFTER UPDATE OF `status` ON `likes`
WHEN OLD.`status` = 'voided' AND NEW.`status` = 'counted'
BEGIN
  UPDATE `nominees` SET `likes` = `likes` + 1, `voided_likes` = `voided_likes` - 1
    WHERE `id` = NEW.`nominee_id`;
  UPDATE `like_hours` SET `likes` = `likes` + 1
    WHERE `campaign_id` = NEW.`campaign_id` AND `hour` = (NEW.`created_at` / 3600000) * 3600000;
END;
--> statement-breakpoint
-- A void needs a reason and who decided: due process, never a silent change.
CREATE TRIGGER `likes_void_needs_reason` BEFORE UPDATE OF `status` ON `likes`
WHEN NEW.`status` = 'voided' AND (NEW.`void_reason` IS NULL OR NEW.`void_reason` = '' OR NEW.`voided_by` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'a void needs a reason and who decided');
END;
