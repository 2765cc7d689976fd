-- Statistics for one town or village read only that subtree's rows: covering indexes let the
-- courtyard indicators count inspections and find each household's latest rating from the index
-- alone (INCLUDE is not expressible in the drizzle schema, hence hand-written).
CREATE INDEX IF NOT EXISTS "courtyard_inspections_scope_idx" ON "courtyard_inspections" ("org_path" text_pattern_ops, "inspected_on") INCLUDE ("kind", "household_id") WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "courtyard_rating_changes_scope_idx" ON "courtyard_rating_changes" ("org_path" text_pattern_ops, "household_id", "effective_on") INCLUDE ("to_rating", "created_at", "id");
