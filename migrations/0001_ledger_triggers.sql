-- Counters are kept by triggers so that every write to the ledger, from any code path, moves them
-- in the same statement: the per-nominee count always equals its counted ledger rows.

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
END;
--> statement-breakpoint
CREATE TRIGGER `likes_after_void` AFTER UPDATE OF `status` ON `likes`
WHEN OLD.`status` = 'counted' AND NEW.`status` = 'voided'
BEGIN
  UPDATE `nominees` SET `likes` = `likes` - 1, `voided_likes` = `voided_likes` + 1
    WHERE `id` = NEW.`nominee_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `likes_after_restore` AFTER UPDATE OF `status` ON `likes`
WHEN OLD.`status` = 'voided' AND NEW.`status` = 'counted'
BEGIN
  UPDATE `nominees` SET `likes` = `likes` + 1, `voided_likes` = `voided_likes` - 1
    WHERE `id` = NEW.`nominee_id`;
END;
--> statement-breakpoint
-- The ledger is append-only: rows are voided with a reason, never deleted.
CREATE TRIGGER `likes_no_delete` BEFORE DELETE ON `likes`
BEGIN
  SELECT RAISE(ABORT, 'likes ledger is append-only');
END;
--> statement-breakpoint
-- A ledger row never moves to another voter, nominee or day once written.
CREATE TRIGGER `likes_immutable` BEFORE UPDATE OF `campaign_id`, `nominee_id`, `voter_hash`, `day`, `slot`, `created_at`, `receipt` ON `likes`
BEGIN
  SELECT RAISE(ABORT, 'likes ledger rows are immutable');
END;
