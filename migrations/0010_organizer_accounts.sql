-- Named organizer accounts (issue 14): each person signs in as themself; the built-in
-- ADMIN_PASSWORD / OBSERVER_PASSWORD keep working. Usernames are never reused (accounts are
-- disabled, not deleted), so the audit log's "<username> (role, account)" names one person for good.
CREATE TABLE `organizer_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL COLLATE NOCASE,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`totp_secret` text,
	`totp_last_step` integer DEFAULT 0 NOT NULL,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_login_at` integer,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizer_accounts_username` ON `organizer_accounts` (`username`);--> statement-breakpoint
-- An account with rows here sees only these campaigns; with none, every campaign.
CREATE TABLE `organizer_account_campaigns` (
	`account_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	PRIMARY KEY(`account_id`, `campaign_id`),
	FOREIGN KEY (`account_id`) REFERENCES `organizer_accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Console sessions live on the server: the cookie carries a random id whose SHA-256 is the key here,
-- so signing out, disabling an account or changing its password ends its sessions at once.
-- account_id is null for a session opened with a built-in password; secret_tag then holds a short
-- digest of that configured password, so changing ADMIN_PASSWORD / OBSERVER_PASSWORD ends them.
CREATE TABLE `organizer_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`account_id` integer,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`secret_tag` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `organizer_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organizer_sessions_account` ON `organizer_sessions` (`account_id`);--> statement-breakpoint
CREATE INDEX `organizer_sessions_expiry` ON `organizer_sessions` (`expires_at`);
