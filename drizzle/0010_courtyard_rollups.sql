CREATE TABLE "courtyard_inspected_households" (
	"household_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"m1" smallint DEFAULT 0 NOT NULL,
	"m2" smallint DEFAULT 0 NOT NULL,
	"m3" smallint DEFAULT 0 NOT NULL,
	"m4" smallint DEFAULT 0 NOT NULL,
	"m5" smallint DEFAULT 0 NOT NULL,
	"m6" smallint DEFAULT 0 NOT NULL,
	"m7" smallint DEFAULT 0 NOT NULL,
	"m8" smallint DEFAULT 0 NOT NULL,
	"m9" smallint DEFAULT 0 NOT NULL,
	"m10" smallint DEFAULT 0 NOT NULL,
	"m11" smallint DEFAULT 0 NOT NULL,
	"m12" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "courtyard_inspected_households_household_id_year_org_path_kind_pk" PRIMARY KEY("household_id","year","org_path","kind")
);
--> statement-breakpoint
CREATE TABLE "courtyard_inspections_by_month" (
	"org_path" text NOT NULL,
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"inspections" integer NOT NULL,
	CONSTRAINT "courtyard_inspections_by_month_org_path_month_kind_pk" PRIMARY KEY("org_path","month","kind")
);
--> statement-breakpoint
ALTER TABLE "courtyard_rating_changes" ADD COLUMN "valid_until" date;--> statement-breakpoint
ALTER TABLE "courtyard_rating_changes" ADD COLUMN "is_first_reach" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "courtyard_inspected_households_scope_idx" ON "courtyard_inspected_households" USING btree ("year","org_path" text_pattern_ops);--> statement-breakpoint
-- Hand-written below: the triggers that keep the courtyard roll-ups and the rating spans, and the
-- first fill. Statement-level triggers with transition tables, so a bulk import of a year's sheet
-- updates each roll-up row once; every write path (service, import, seed, unit moves) is covered.
--
-- Inspections: counts add, so the trigger applies deltas (+1 per live new row, −1 per live old
-- row) with upserts in key order — concurrent writers serialize on the rows they share.
CREATE OR REPLACE FUNCTION courtyard_inspections_rollup() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT org_path, household_id, kind, inspected_on, 1 AS n FROM new_rows WHERE deleted_at IS NULL'
    WHEN 'DELETE' THEN 'SELECT org_path, household_id, kind, inspected_on, -1 AS n FROM old_rows WHERE deleted_at IS NULL'
    ELSE 'SELECT org_path, household_id, kind, inspected_on, 1 AS n FROM new_rows WHERE deleted_at IS NULL
          UNION ALL SELECT org_path, household_id, kind, inspected_on, -1 FROM old_rows WHERE deleted_at IS NULL'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO courtyard_inspections_by_month AS t (org_path, month, kind, inspections)
    SELECT org_path, date_trunc('month', inspected_on)::date, kind, sum(n) FROM (%s) d
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (org_path, month, kind) DO UPDATE SET inspections = t.inspections + excluded.inspections$q$, changed);
  EXECUTE format($q$
    INSERT INTO courtyard_inspected_households AS t (household_id, year, org_path, kind, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    SELECT household_id, year, org_path, kind,
      coalesce(sum(n) FILTER (WHERE month = 1), 0),
      coalesce(sum(n) FILTER (WHERE month = 2), 0),
      coalesce(sum(n) FILTER (WHERE month = 3), 0),
      coalesce(sum(n) FILTER (WHERE month = 4), 0),
      coalesce(sum(n) FILTER (WHERE month = 5), 0),
      coalesce(sum(n) FILTER (WHERE month = 6), 0),
      coalesce(sum(n) FILTER (WHERE month = 7), 0),
      coalesce(sum(n) FILTER (WHERE month = 8), 0),
      coalesce(sum(n) FILTER (WHERE month = 9), 0),
      coalesce(sum(n) FILTER (WHERE month = 10), 0),
      coalesce(sum(n) FILTER (WHERE month = 11), 0),
      coalesce(sum(n) FILTER (WHERE month = 12), 0)
    FROM (SELECT household_id, extract(year FROM inspected_on)::int AS year, org_path, kind,
            extract(month FROM inspected_on)::int AS month, sum(n) AS n
          FROM (%s) d GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0) x
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (household_id, year, org_path, kind) DO UPDATE SET m1 = t.m1 + excluded.m1, m2 = t.m2 + excluded.m2, m3 = t.m3 + excluded.m3, m4 = t.m4 + excluded.m4, m5 = t.m5 + excluded.m5, m6 = t.m6 + excluded.m6, m7 = t.m7 + excluded.m7, m8 = t.m8 + excluded.m8, m9 = t.m9 + excluded.m9, m10 = t.m10 + excluded.m10, m11 = t.m11 + excluded.m11, m12 = t.m12 + excluded.m12$q$, changed);
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION courtyard_inspections_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM courtyard_inspections_by_month;
  DELETE FROM courtyard_inspected_households;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
-- Rating changes: the households whose history changed (a new, removed or re-dated change) are
-- locked, then their changes' `valid_until` (the next change's date) and `is_first_reach` (first
-- change to that level) are recomputed from the whole history — after the lock, so a concurrent
-- writer's committed changes are included. The trigger's own update touches neither key column and
-- so finds no household to redo.
CREATE OR REPLACE FUNCTION courtyard_rating_changes_spans() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  touched text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT household_id FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT household_id FROM old_rows'
    ELSE 'SELECT n.household_id FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
            WHERE o.id IS NULL OR (o.household_id, o.effective_on, o.created_at, o.to_rating)
              IS DISTINCT FROM (n.household_id, n.effective_on, n.created_at, n.to_rating)
          UNION SELECT o.household_id FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
            WHERE n.id IS NULL OR (o.household_id, o.effective_on, o.created_at, o.to_rating)
              IS DISTINCT FROM (n.household_id, n.effective_on, n.created_at, n.to_rating)'
  END;
  locked int;
  found_any boolean;
BEGIN
  -- Statement triggers fire for zero rows too: stop when no history changed (this trigger's own
  -- update below changes neither key column, so it ends here).
  EXECUTE format('SELECT EXISTS (%s)', touched) INTO found_any;
  IF NOT found_any THEN RETURN NULL; END IF;
  -- The touched households are joined, not passed as an array: a bulk statement touches thousands.
  EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM households h WHERE h.id IN (%s) ORDER BY h.id FOR NO KEY UPDATE) l',
    touched) INTO locked;
  -- Only the rows whose span or flag changed are written (usually the new change and the one before).
  EXECUTE format($q$
    UPDATE courtyard_rating_changes c SET valid_until = x.valid_until, is_first_reach = x.is_first
    FROM (SELECT * FROM (
            SELECT id, valid_until AS was_until, is_first_reach AS was_first,
              lead(effective_on) OVER (PARTITION BY household_id ORDER BY effective_on, created_at, id) AS valid_until,
              to_rating IS NOT NULL AND row_number() OVER (PARTITION BY household_id, to_rating ORDER BY effective_on, created_at, id) = 1 AS is_first
            FROM courtyard_rating_changes WHERE household_id IN (%s)) w
          WHERE was_until IS DISTINCT FROM valid_until OR was_first IS DISTINCT FROM is_first) x
    WHERE c.id = x.id$q$,
    touched);
  RETURN NULL;
END $fn$;
--> statement-breakpoint
-- A bulk statement sorts a town's histories: in memory rather than in temporary files.
ALTER FUNCTION courtyard_rating_changes_spans() SET work_mem = '64MB';
--> statement-breakpoint
ALTER FUNCTION courtyard_inspections_rollup() SET work_mem = '64MB';
--> statement-breakpoint
-- Recomputes every roll-up from the records (the first fill; a check or repair at any time).
CREATE OR REPLACE FUNCTION courtyard_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM courtyard_inspections_by_month;
  INSERT INTO courtyard_inspections_by_month (org_path, month, kind, inspections)
  SELECT org_path, date_trunc('month', inspected_on)::date, kind, count(*)
  FROM courtyard_inspections WHERE deleted_at IS NULL GROUP BY 1, 2, 3;
  DELETE FROM courtyard_inspected_households;
  INSERT INTO courtyard_inspected_households (household_id, year, org_path, kind, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
  SELECT household_id, extract(year FROM inspected_on)::int, org_path, kind, count(*) FILTER (WHERE extract(month FROM inspected_on) = 1), count(*) FILTER (WHERE extract(month FROM inspected_on) = 2), count(*) FILTER (WHERE extract(month FROM inspected_on) = 3), count(*) FILTER (WHERE extract(month FROM inspected_on) = 4), count(*) FILTER (WHERE extract(month FROM inspected_on) = 5), count(*) FILTER (WHERE extract(month FROM inspected_on) = 6), count(*) FILTER (WHERE extract(month FROM inspected_on) = 7), count(*) FILTER (WHERE extract(month FROM inspected_on) = 8), count(*) FILTER (WHERE extract(month FROM inspected_on) = 9), count(*) FILTER (WHERE extract(month FROM inspected_on) = 10), count(*) FILTER (WHERE extract(month FROM inspected_on) = 11), count(*) FILTER (WHERE extract(month FROM inspected_on) = 12)
  FROM courtyard_inspections WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
  UPDATE courtyard_rating_changes c SET valid_until = x.valid_until, is_first_reach = x.is_first
  FROM (SELECT id,
          lead(effective_on) OVER (PARTITION BY household_id ORDER BY effective_on, created_at, id) AS valid_until,
          to_rating IS NOT NULL AND row_number() OVER (PARTITION BY household_id, to_rating ORDER BY effective_on, created_at, id) = 1 AS is_first
        FROM courtyard_rating_changes) x
  WHERE c.id = x.id AND (c.valid_until IS DISTINCT FROM x.valid_until OR c.is_first_reach IS DISTINCT FROM x.is_first);
END $fn$;
--> statement-breakpoint
SELECT courtyard_rollups_rebuild();
--> statement-breakpoint
CREATE TRIGGER courtyard_inspections_rollup_insert AFTER INSERT ON courtyard_inspections
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION courtyard_inspections_rollup();
--> statement-breakpoint
CREATE TRIGGER courtyard_inspections_rollup_update AFTER UPDATE ON courtyard_inspections
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION courtyard_inspections_rollup();
--> statement-breakpoint
CREATE TRIGGER courtyard_inspections_rollup_delete AFTER DELETE ON courtyard_inspections
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION courtyard_inspections_rollup();
--> statement-breakpoint
CREATE TRIGGER courtyard_inspections_rollup_truncate AFTER TRUNCATE ON courtyard_inspections
  FOR EACH STATEMENT EXECUTE FUNCTION courtyard_inspections_rollup_truncate();
--> statement-breakpoint
CREATE TRIGGER courtyard_rating_changes_spans_insert AFTER INSERT ON courtyard_rating_changes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION courtyard_rating_changes_spans();
--> statement-breakpoint
CREATE TRIGGER courtyard_rating_changes_spans_update AFTER UPDATE ON courtyard_rating_changes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION courtyard_rating_changes_spans();
--> statement-breakpoint
CREATE TRIGGER courtyard_rating_changes_spans_delete AFTER DELETE ON courtyard_rating_changes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION courtyard_rating_changes_spans();
--> statement-breakpoint
-- The rating at a date (latest span covering it) and the first reach of a level, for a subtree.
CREATE INDEX IF NOT EXISTS "courtyard_rating_changes_span_idx" ON "courtyard_rating_changes" ("org_path" text_pattern_ops, "effective_on") INCLUDE ("valid_until", "to_rating", "household_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "courtyard_rating_changes_first_idx" ON "courtyard_rating_changes" ("org_path" text_pattern_ops, "effective_on") INCLUDE ("to_rating", "household_id") WHERE "is_first_reach";
--> statement-breakpoint
-- The courtyard figures leave out households removed from the ledger: an anti-join over these few.
CREATE INDEX IF NOT EXISTS "households_deleted_idx" ON "households" ("id") WHERE "deleted_at" IS NOT NULL;
