-- Widen the immutability guard to every column that says who liked, and the retry key.
DROP TRIGGER `likes_immutable`;
--> statement-breakpoint
CREATE TRIGGER `likes_immutable` BEFORE UPDATE OF `campaign_id`, `nominee_id`, `voter_hash`, `ip_hash`, `day`, `slot`, `created_at`, `receipt`, `idempotency_key` ON `likes`
BEGIN
  SELECT RAISE(ABORT, 'likes ledger rows are immutable');
END;
