/** The embedded store's schema (SQLite), version by version. Times are ISO 8601 UTC text. */

import type { Migration } from "../migration.js";

export const EMBEDDED_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
      CREATE TABLE handled_events (
        event_id TEXT PRIMARY KEY,
        handled_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX handled_events_by_time ON handled_events (handled_at);

      CREATE TABLE conversation_references (
        conversation_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        schedule TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        paused_reason TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (platform, channel_id, topic)
      );

      CREATE TABLE deliveries (
        subscription_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'uncertain', 'failed', 'skipped')),
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        detail TEXT,
        document_ids TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (subscription_id, slot)
      );

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE feedback (
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        target TEXT NOT NULL CHECK (target IN ('answer', 'briefing_item')),
        target_id TEXT NOT NULL,
        value TEXT NOT NULL CHECK (value IN ('helpful', 'not_helpful')),
        comment TEXT,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (platform, user_id, target, target_id)
      );
      CREATE INDEX feedback_by_target ON feedback (target, target_id);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);

      CREATE TABLE store_probe (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        checked_at TEXT
      );
      INSERT INTO store_probe (id) VALUES (1);
    `,
  },
  {
    version: 2,
    name: "feeds",
    sql: `
      CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_read_at TEXT,
        last_error TEXT,
        checked_at TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "read failures",
    sql: `
      CREATE TABLE read_failures (
        url TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        failures INTEGER NOT NULL,
        failed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "conversation memory",
    sql: `
      CREATE TABLE conversation_memory (
        conversation_key TEXT PRIMARY KEY,
        memory TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX conversation_memory_by_expiry ON conversation_memory (expires_at);
    `,
  },
  {
    version: 5,
    name: "posted briefings",
    sql: `
      CREATE TABLE posted_briefings (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        body TEXT NOT NULL,
        first_posted_at TEXT NOT NULL
      );
      CREATE INDEX posted_briefings_newest ON posted_briefings (day DESC, first_posted_at DESC);
    `,
  },
  {
    version: 6,
    name: "review drafts",
    sql: `
      CREATE TABLE review_drafts (
        subscription_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('drafting', 'draft_sent', 'undeliverable', 'approved', 'skipped', 'held', 'unreviewed')),
        body TEXT NOT NULL,
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        decided_by TEXT,
        decided_name TEXT,
        decided_at TEXT,
        PRIMARY KEY (subscription_id, slot)
      );
      CREATE TABLE review_messages (
        subscription_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'uncertain', 'failed')),
        message TEXT,
        detail TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, slot, reviewer)
      );
      CREATE TABLE review_removals (
        subscription_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        document_id TEXT NOT NULL,
        removed_by TEXT NOT NULL,
        removed_name TEXT NOT NULL,
        removed_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, slot, document_id)
      );
    `,
  },
  {
    version: 7,
    name: "subscriptions as data",
    // Until 6 the schedule text held all of a subscription ("weekdays at 09:30 always with review
    // topics funding workforce", as the subscribe command wrote it: the when, the options, the
    // topics last) and the key was platform, channel and topic (always '' from chat). Now the
    // text keeps only the when; the topics (a JSON list), the quiet-day choice and review are
    // columns; one row per channel. SQLite cannot drop a UNIQUE constraint, so the table is
    // rebuilt; ids stay, so deliveries and drafts stay linked. A channel with two rows (only the
    // store API could write one) fails the new key and the whole migration rolls back, changing
    // nothing.
    sql: `
      CREATE TABLE subscriptions_by_channel (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        schedule TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        paused_reason TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        topics TEXT NOT NULL DEFAULT '[]',
        when_nothing_new TEXT NOT NULL DEFAULT 'silent' CHECK (when_nothing_new IN ('silent', 'line')),
        review INTEGER NOT NULL DEFAULT 0 CHECK (review IN (0, 1)),
        UNIQUE (platform, channel_id)
      );
      INSERT INTO subscriptions_by_channel (id, platform, channel_id, schedule, time_zone, paused_reason,
          created_by, created_at, updated_at, topics, when_nothing_new, review)
        SELECT id, platform, channel_id,
          CASE WHEN quiet = 'line' THEN substr(rest, 1, length(rest) - 7) ELSE rest END,
          time_zone, paused_reason, created_by, created_at, updated_at, topics, quiet, reviewed
        FROM (
          SELECT *, CASE WHEN rest LIKE '% always' THEN 'line' ELSE 'silent' END AS quiet
          FROM (
            SELECT *,
              CASE WHEN head LIKE '% with review' THEN substr(head, 1, length(head) - 12) ELSE head END AS rest,
              CASE WHEN head LIKE '% with review' THEN 1 ELSE 0 END AS reviewed
            FROM (
              SELECT *,
                CASE WHEN tail IS NULL THEN schedule ELSE substr(schedule, 1, instr(schedule, ' topics ') - 1) END AS head,
                CASE
                  WHEN tail IS NOT NULL THEN '["' || replace(tail, ' ', '","') || '"]'
                  WHEN topic <> '' THEN json_array(topic)
                  ELSE '[]'
                END AS topics
              FROM (
                SELECT *,
                  CASE
                    WHEN instr(schedule, ' topics ') > 0
                      AND substr(schedule, instr(schedule, ' topics ') + 8) GLOB '[a-z]*'
                      AND substr(schedule, instr(schedule, ' topics ') + 8) NOT GLOB '*[^a-z0-9 -]*'
                      AND instr(substr(schedule, instr(schedule, ' topics ') + 8), '  ') = 0
                      AND substr(schedule, -1) <> ' '
                    THEN substr(schedule, instr(schedule, ' topics ') + 8)
                  END AS tail
                FROM subscriptions
              )
            )
          )
        );
      DROP TABLE subscriptions;
      ALTER TABLE subscriptions_by_channel RENAME TO subscriptions;
    `,
  },
];
