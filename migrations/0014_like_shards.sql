-- Issue 16: likes go through sharded Durable Objects (LikeShard) that flush to the ledger in
-- batches. `ingest` picks the path per campaign (sharded is the default, the seed and every
-- existing campaign included); `shards` is N (shard = hash(voter) mod N); `ingest_since` is when the
-- campaign last changed path (a shard reads a voter's likes of that day from D1 when it is today).
ALTER TABLE `campaigns` ADD `ingest` text DEFAULT 'sharded' NOT NULL;
--> statement-breakpoint
ALTER TABLE `campaigns` ADD `shards` integer DEFAULT 16 NOT NULL;
--> statement-breakpoint
ALTER TABLE `campaigns` ADD `ingest_since` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE `campaigns` SET `ingest_since` = CAST(unixepoch('subsec') * 1000 AS INTEGER)
  WHERE EXISTS (SELECT 1 FROM `likes` WHERE `likes`.`campaign_id` = `campaigns`.`id`);
--> statement-breakpoint
-- One row per flush a shard committed: the PRIMARY KEY makes a retried flush (same shard, same
-- sequence number) fail as a whole, so no ledger row or counter moves twice.
CREATE TABLE `like_flushes` (
	`shard` text NOT NULL,
	`seq` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`likes` integer NOT NULL,
	`first_acked_at` integer NOT NULL,
	`committed_at` integer NOT NULL,
	PRIMARY KEY(`shard`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `like_flushes_campaign` ON `like_flushes` (`campaign_id`,`committed_at`);
