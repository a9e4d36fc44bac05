-- Issue 14: decisions that stay put (the published honoree list), 公示期 and the objection
-- contact, reopened nominations. Hand-written (see docs/architecture.md).
ALTER TABLE `campaigns` ADD `published_honorees` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `publication_withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `notice_starts_at` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `notice_ends_at` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `objection_unit` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `objection_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `objection_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Campaigns published before this migration: their list is the flags as they stand.
UPDATE `campaigns` SET `published_honorees` = (
  SELECT json_group_array(`number`) FROM (
    SELECT `number` FROM `nominees` WHERE `campaign_id` = `campaigns`.`id` AND `honoree` = 1
    ORDER BY `number`
  )
) WHERE `published_at` IS NOT NULL;--> statement-breakpoint
-- Publication freezes the honoree list: while a campaign is published no path (console, API,
-- import, manual SQL) may change a nominee's 当选 flag; withdrawing the publication comes first.
CREATE TRIGGER `nominees_honoree_frozen`
BEFORE UPDATE OF `honoree` ON `nominees`
WHEN NEW.`honoree` IS NOT OLD.`honoree`
  AND EXISTS (SELECT 1 FROM `campaigns` WHERE `id` = NEW.`campaign_id` AND `published_at` IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'honorees_frozen: the campaign is published');
END;--> statement-breakpoint
CREATE TRIGGER `nominees_honoree_frozen_insert`
BEFORE INSERT ON `nominees`
WHEN NEW.`honoree` = 1
  AND EXISTS (SELECT 1 FROM `campaigns` WHERE `id` = NEW.`campaign_id` AND `published_at` IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'honorees_frozen: the campaign is published');
END;
