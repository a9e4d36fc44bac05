-- Issue 17: certificate settings per campaign (the honour's title, the date line and an optional
-- seal image in R2), and WeChat's JS-SDK credentials shared by every isolate until they expire.
CREATE TABLE `certificate_settings` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`honour_title` text DEFAULT '' NOT NULL,
	`issuer` text DEFAULT '' NOT NULL,
	`issued_on` text DEFAULT '' NOT NULL,
	`seal_url` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `wechat_credentials` (
	`kind` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL
);
