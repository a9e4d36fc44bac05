-- Issue 16: the sharded like path reads no D1 row per like. Each flush marks the networks, the
-- (network, nominee) pairs and the nominees of its likes whose recent rate reached the lowest level
-- that can matter (a friction step or a hold); a Worker reads the campaign's hot subjects (and
-- their exact rates from the ledger) once a second, and treats every other subject as quiet.
CREATE TABLE `like_hot` (
	`campaign_id` integer NOT NULL,
	`kind` text NOT NULL,
	`network` text DEFAULT '' NOT NULL,
	`nominee_id` integer DEFAULT 0 NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `kind`, `network`, `nominee_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Flushes of several shards travel in one D1 batch (the campaign's LikeFlusher): `batch` names it.
ALTER TABLE `like_flushes` ADD `batch` text;
