CREATE TABLE `juror_scores` (
	`juror_id` integer NOT NULL,
	`nominee_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`score` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`juror_id`, `nominee_id`),
	FOREIGN KEY (`juror_id`) REFERENCES `jurors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`nominee_id`) REFERENCES `nominees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `juror_scores_campaign` ON `juror_scores` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `jurors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jurors_token` ON `jurors` (`token_hash`);--> statement-breakpoint
CREATE INDEX `jurors_campaign` ON `jurors` (`campaign_id`,`id`);--> statement-breakpoint
CREATE TABLE `nomination_invites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`unit` text NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`token_hash` text NOT NULL,
	`quota` integer DEFAULT 3 NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nomination_invites_token` ON `nomination_invites` (`token_hash`);--> statement-breakpoint
CREATE INDEX `nomination_invites_campaign` ON `nomination_invites` (`campaign_id`,`id`);--> statement-breakpoint
CREATE TABLE `nominations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`invite_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`headline` text DEFAULT '' NOT NULL,
	`story` text DEFAULT '[]' NOT NULL,
	`photos` text DEFAULT '[]' NOT NULL,
	`review_comment` text DEFAULT '' NOT NULL,
	`nominee_id` integer,
	`submitted_at` integer,
	`decided_at` integer,
	`decided_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invite_id`) REFERENCES `nomination_invites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `nominations_invite` ON `nominations` (`invite_id`,`id`);--> statement-breakpoint
CREATE INDEX `nominations_campaign_status` ON `nominations` (`campaign_id`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `selection_settings` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`nominations_close_at` integer,
	`default_quota` integer DEFAULT 3 NOT NULL,
	`weight_public` integer DEFAULT 30 NOT NULL,
	`public_method` text DEFAULT 'share_of_max' NOT NULL,
	`scoring_closed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
