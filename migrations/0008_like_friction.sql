-- Issue 13 (i13-friction): holding flagged likes, and the indexes the friction curve counts with.
-- Off for campaigns that exist already (an organizer turns it on in the campaign's settings); on
-- for new campaigns (validators/campaign.ts) and for the seed campaign.
ALTER TABLE `campaigns` ADD `hold_flagged` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `campaigns` SET `hold_flagged` = 1 WHERE `slug` = 'zuimei-xinfang';--> statement-breakpoint
-- A network's likes for one nominee in the last 10 minutes (db/queries/likes.ts RATE_SQL.pair).
CREATE INDEX `likes_campaign_prefix_nominee_time` ON `likes` (`campaign_id`,`ip_prefix_hash`,`nominee_id`,`created_at`);--> statement-breakpoint
-- A nominee's likes from every network in the last minute (RATE_SQL.nominee).
CREATE INDEX `likes_nominee_time` ON `likes` (`nominee_id`,`created_at`);
