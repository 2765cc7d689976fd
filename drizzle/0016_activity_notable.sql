ALTER TABLE "activities" ADD COLUMN "is_notable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- 累计评定 (courtyards.everRated) reads only each household's first reach of a level: a partial covering
-- index keeps a county's count to those rows, not its whole rating history (hand-written: INCLUDE and
-- WHERE are not expressible in the drizzle schema).
CREATE INDEX IF NOT EXISTS "courtyard_rating_changes_first_reach_idx" ON "courtyard_rating_changes" ("org_path" text_pattern_ops, "household_id") INCLUDE ("to_rating", "effective_on") WHERE "is_first_reach" AND "to_rating" IS NOT NULL;
