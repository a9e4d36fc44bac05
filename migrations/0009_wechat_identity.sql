-- Issue 13 item 5: a campaign may require a WeChat identity (微信网页授权 snsapi_base → openid) for
-- a like; the ledger then stores an HMAC of the openid as the voter hash. 'cookie' keeps the
-- default voter cookie.
ALTER TABLE `campaigns` ADD `identity_mode` text DEFAULT 'cookie' NOT NULL CHECK (`identity_mode` IN ('cookie', 'wechat'));
