/** The PostgreSQL schema, version by version: the embedded schema's tables in PostgreSQL's types. */

import type { Migration } from "../migration.js";

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
      CREATE TABLE handled_events (
        event_id text PRIMARY KEY,
        handled_at timestamptz NOT NULL
      );
      CREATE INDEX handled_events_by_time ON handled_events (handled_at);

      CREATE TABLE conversation_references (
        conversation_id text PRIMARY KEY,
        reference text NOT NULL,
        updated_at timestamptz NOT NULL
      );

      CREATE TABLE subscriptions (
        id text PRIMARY KEY,
        platform text NOT NULL,
        channel_id text NOT NULL,
        topic text NOT NULL,
        schedule text NOT NULL,
        time_zone text NOT NULL,
        paused_reason text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (platform, channel_id, topic)
      );

      CREATE TABLE deliveries (
        subscription_id text NOT NULL,
        slot text NOT NULL,
        state text NOT NULL CHECK (state IN ('claimed', 'sent', 'uncertain', 'failed', 'skipped')),
        claimed_by text NOT NULL,
        claimed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        detail text,
        document_ids text NOT NULL DEFAULT '[]',
        PRIMARY KEY (subscription_id, slot)
      );

      CREATE TABLE documents (
        id text PRIMARY KEY,
        body text NOT NULL,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );

      CREATE TABLE feedback (
        platform text NOT NULL,
        user_id text NOT NULL,
        target text NOT NULL CHECK (target IN ('answer', 'briefing_item')),
        target_id text NOT NULL,
        value text NOT NULL CHECK (value IN ('helpful', 'not_helpful')),
        comment text,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (platform, user_id, target, target_id)
      );
      CREATE INDEX feedback_by_target ON feedback (target, target_id);

      CREATE TABLE audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        who text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        detail text
      );
      CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);

      CREATE TABLE store_probe (
        id integer PRIMARY KEY CHECK (id = 1),
        checked_at timestamptz
      );
      INSERT INTO store_probe (id) VALUES (1);
    `,
  },
  {
    version: 2,
    name: "feeds",
    sql: `
      CREATE TABLE feeds (
        url text PRIMARY KEY,
        etag text,
        last_modified text,
        last_read_at timestamptz,
        last_error text,
        checked_at timestamptz,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "read failures",
    sql: `
      CREATE TABLE read_failures (
        url text PRIMARY KEY,
        reason text NOT NULL,
        failures integer NOT NULL,
        failed_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "conversation memory",
    sql: `
      CREATE TABLE conversation_memory (
        conversation_key text PRIMARY KEY,
        memory text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX conversation_memory_by_expiry ON conversation_memory (expires_at);
    `,
  },
  {
    version: 5,
    name: "posted briefings",
    sql: `
      CREATE TABLE posted_briefings (
        id text PRIMARY KEY,
        day text NOT NULL,
        body text NOT NULL,
        first_posted_at timestamptz NOT NULL
      );
      CREATE INDEX posted_briefings_newest ON posted_briefings (day DESC, first_posted_at DESC);
    `,
  },
  {
    version: 6,
    name: "review drafts",
    sql: `
      CREATE TABLE review_drafts (
        subscription_id text NOT NULL,
        slot text NOT NULL,
        state text NOT NULL CHECK (state IN ('drafting', 'draft_sent', 'undeliverable', 'approved', 'skipped', 'held', 'unreviewed')),
        body text NOT NULL,
        claimed_by text NOT NULL,
        claimed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        decided_by text,
        decided_name text,
        decided_at timestamptz,
        PRIMARY KEY (subscription_id, slot)
      );
      CREATE TABLE review_messages (
        subscription_id text NOT NULL,
        slot text NOT NULL,
        reviewer text NOT NULL,
        state text NOT NULL CHECK (state IN ('claimed', 'sent', 'uncertain', 'failed')),
        message text,
        detail text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (subscription_id, slot, reviewer)
      );
      CREATE TABLE review_removals (
        subscription_id text NOT NULL,
        slot text NOT NULL,
        document_id text NOT NULL,
        removed_by text NOT NULL,
        removed_name text NOT NULL,
        removed_at timestamptz NOT NULL,
        PRIMARY KEY (subscription_id, slot, document_id)
      );
    `,
  },
  {
    version: 7,
    name: "subscriptions as data",
    // See the embedded migration 7: the schedule text keeps only the when; its "topics ..." tail, a
    // trailing "with review" and "always" become columns. Dropping the topic column drops the old
    // platform-channel-topic key with it.
    sql: `
      ALTER TABLE subscriptions ADD COLUMN topics text NOT NULL DEFAULT '[]';
      ALTER TABLE subscriptions ADD COLUMN when_nothing_new text NOT NULL DEFAULT 'silent'
        CHECK (when_nothing_new IN ('silent', 'line'));
      ALTER TABLE subscriptions ADD COLUMN review smallint NOT NULL DEFAULT 0 CHECK (review IN (0, 1));
      UPDATE subscriptions
      SET schedule = parsed.when_text, topics = parsed.topics, when_nothing_new = parsed.quiet, review = parsed.reviewed
      FROM (
        SELECT id, topics, reviewed,
          CASE WHEN rest LIKE '% always' THEN 'line' ELSE 'silent' END AS quiet,
          CASE WHEN rest LIKE '% always' THEN left(rest, -7) ELSE rest END AS when_text
        FROM (
          SELECT id, topics,
            CASE WHEN head LIKE '% with review' THEN left(head, -12) ELSE head END AS rest,
            CASE WHEN head LIKE '% with review' THEN 1 ELSE 0 END AS reviewed
          FROM (
            SELECT id,
              CASE WHEN tail IS NULL THEN schedule ELSE substr(schedule, 1, strpos(schedule, ' topics ') - 1) END AS head,
              CASE
                WHEN tail IS NOT NULL THEN array_to_json(string_to_array(tail, ' '))::text
                WHEN topic <> '' THEN json_build_array(topic)::text
                ELSE '[]'
              END AS topics
            FROM (
              SELECT id, schedule, topic,
                CASE
                  WHEN strpos(schedule, ' topics ') > 0
                    AND substr(schedule, strpos(schedule, ' topics ') + 8) ~ '^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$'
                  THEN substr(schedule, strpos(schedule, ' topics ') + 8)
                END AS tail
              FROM subscriptions
            ) AS with_tail
          ) AS with_head
        ) AS with_review
      ) AS parsed
      WHERE parsed.id = subscriptions.id;
      ALTER TABLE subscriptions DROP COLUMN topic;
      ALTER TABLE subscriptions ADD UNIQUE (platform, channel_id);
    `,
  },
];
