CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_campaign` ON `audit_log` (`campaign_id`,`id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`organizer` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`likes_per_candidate_per_day` integer DEFAULT 1 NOT NULL,
	`likes_per_voter_per_day` integer DEFAULT 5,
	`show_counts` text DEFAULT 'always' NOT NULL,
	`draft` integer DEFAULT false NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`closed_at` integer,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE TABLE `likes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`nominee_id` integer NOT NULL,
	`voter_hash` text NOT NULL,
	`ip_hash` text NOT NULL,
	`day` text NOT NULL,
	`slot` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`status` text DEFAULT 'counted' NOT NULL,
	`void_reason` text,
	`voided_by` text,
	`voided_at` integer,
	`receipt` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nominee_id`) REFERENCES `nominees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `likes_rule` ON `likes` (`campaign_id`,`voter_hash`,`day`,`nominee_id`,`slot`);--> statement-breakpoint
CREATE UNIQUE INDEX `likes_receipt` ON `likes` (`receipt`);--> statement-breakpoint
CREATE INDEX `likes_campaign_id` ON `likes` (`campaign_id`,`id`);--> statement-breakpoint
CREATE INDEX `likes_campaign_ip` ON `likes` (`campaign_id`,`ip_hash`);--> statement-breakpoint
CREATE TABLE `nominees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`headline` text DEFAULT '' NOT NULL,
	`story` text DEFAULT '[]' NOT NULL,
	`photos` text DEFAULT '[]' NOT NULL,
	`honoree` integer DEFAULT false NOT NULL,
	`nominating_unit` text DEFAULT '' NOT NULL,
	`likes` integer DEFAULT 0 NOT NULL,
	`voided_likes` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nominees_campaign_number` ON `nominees` (`campaign_id`,`number`);--> statement-breakpoint
CREATE INDEX `nominees_campaign_likes` ON `nominees` (`campaign_id`,`likes`);--> statement-breakpoint
CREATE TABLE `voter_days` (
	`campaign_id` integer NOT NULL,
	`voter_hash` text NOT NULL,
	`day` text NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `voter_hash`, `day`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
