CREATE TABLE `anomaly_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`likes` integer NOT NULL,
	`detail` text,
	`status` text DEFAULT 'open' NOT NULL,
	`decision_reason` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `anomaly_flags_window` ON `anomaly_flags` (`campaign_id`,`kind`,`subject`,`window_start`);--> statement-breakpoint
CREATE INDEX `anomaly_flags_status` ON `anomaly_flags` (`campaign_id`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `ledger_checkpoints` (
	`campaign_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`row_count` integer NOT NULL,
	`last_like_id` integer NOT NULL,
	`hash` text NOT NULL,
	`prev_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `spent_challenges` (
	`challenge` text PRIMARY KEY NOT NULL,
	`receipt` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `campaigns` ADD `challenge_prefix_per_minute` integer DEFAULT 30;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `challenge_voter_per_minute` integer DEFAULT 6;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `challenge_difficulty` integer DEFAULT 50000 NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `retention_days` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `detail_purged_at` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `anomaly_scanned_at` integer;--> statement-breakpoint
ALTER TABLE `likes` ADD `ip_prefix_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `likes` ADD `signals` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `likes_campaign_prefix_time` ON `likes` (`campaign_id`,`ip_prefix_hash`,`created_at`);--> statement-breakpoint
CREATE INDEX `likes_campaign_time` ON `likes` (`campaign_id`,`created_at`);--> statement-breakpoint
-- Who liked stays fixed until the campaign's retention period drops that detail (the only time the
-- identity columns may change: to placeholders, see db/queries/retention.ts). What was liked, when,
-- and the receipt never change.
DROP TRIGGER `likes_immutable`;
--> statement-breakpoint
CREATE TRIGGER `likes_immutable` BEFORE UPDATE OF `campaign_id`, `nominee_id`, `day`, `slot`, `created_at`, `receipt`, `signals` ON `likes`
BEGIN
  SELECT RAISE(ABORT, 'likes ledger rows are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `likes_identity_immutable` BEFORE UPDATE OF `voter_hash`, `ip_hash`, `ip_prefix_hash`, `idempotency_key` ON `likes`
WHEN (SELECT `detail_purged_at` FROM `campaigns` WHERE `id` = OLD.`campaign_id`) IS NULL
BEGIN
  SELECT RAISE(ABORT, 'likes ledger rows are immutable');
END;
--> statement-breakpoint
-- Checkpoints are the public chain: never rewritten, never removed.
CREATE TRIGGER `ledger_checkpoints_no_update` BEFORE UPDATE ON `ledger_checkpoints`
BEGIN
  SELECT RAISE(ABORT, 'ledger checkpoints are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_checkpoints_no_delete` BEFORE DELETE ON `ledger_checkpoints`
BEGIN
  SELECT RAISE(ABORT, 'ledger checkpoints are append-only');
END;
--> statement-breakpoint
-- A flag is decided, never deleted; a decided flag needs a reason and who decided.
CREATE TRIGGER `anomaly_flags_no_delete` BEFORE DELETE ON `anomaly_flags`
BEGIN
  SELECT RAISE(ABORT, 'anomaly flags are kept');
END;
--> statement-breakpoint
CREATE TRIGGER `anomaly_flags_decision_needs_reason` BEFORE UPDATE OF `status` ON `anomaly_flags`
WHEN NEW.`status` <> 'open' AND (NEW.`decision_reason` IS NULL OR NEW.`decision_reason` = '' OR NEW.`decided_by` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'a decision needs a reason and who decided');
END;
