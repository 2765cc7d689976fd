CREATE TABLE "courtyard_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"town_id" uuid NOT NULL,
	"month" text NOT NULL,
	"village_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"group_id" uuid NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courtyard_featured" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"category" text NOT NULL,
	"designated_on" date NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "courtyard_featured_options" (
	"root_org_unit_id" uuid PRIMARY KEY NOT NULL,
	"categories" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courtyard_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "courtyard_household_status" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"rating" text,
	"rated_on" date,
	"plaque_level" text,
	"plaque_since" date,
	"average_score" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courtyard_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"household_id" uuid NOT NULL,
	"rubric_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"inspected_on" date NOT NULL,
	"month" text NOT NULL,
	"group_id" uuid,
	"inspector_names" text,
	"item_scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deductions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"veto_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"total_score" double precision NOT NULL,
	"rating" text,
	"is_veto" boolean DEFAULT false NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "courtyard_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid,
	"rectification_id" uuid,
	"household_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"org_path" text NOT NULL,
	"storage_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "courtyard_plaque_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"from_level" text,
	"to_level" text,
	"occurred_on" date NOT NULL,
	"reason" text NOT NULL,
	"review_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courtyard_rating_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"month" text NOT NULL,
	"effective_on" date NOT NULL,
	"from_rating" text,
	"to_rating" text,
	"average_score" double precision,
	"reason" text NOT NULL,
	"review_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courtyard_rectifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"household_id" uuid NOT NULL,
	"inspection_id" uuid,
	"item_code" text,
	"problem" text NOT NULL,
	"opened_on" date NOT NULL,
	"deadline" date NOT NULL,
	"owner_name" text,
	"status" text DEFAULT 'open' NOT NULL,
	"fixed_on" date,
	"fix_note" text,
	"verified_on" date,
	"verified_by" uuid,
	"verified_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "courtyard_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"town_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"month" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"items" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meeting_on" date,
	"note" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courtyard_rubrics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"version_no" integer NOT NULL,
	"name" text NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "courtyard_assignments_uq" ON "courtyard_assignments" USING btree ("town_id","month","village_id");--> statement-breakpoint
CREATE INDEX "courtyard_assignments_group_idx" ON "courtyard_assignments" USING btree ("group_id","month");--> statement-breakpoint
CREATE INDEX "courtyard_featured_org_path_idx" ON "courtyard_featured" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "courtyard_featured_uq" ON "courtyard_featured" USING btree ("household_id","category") WHERE "courtyard_featured"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "courtyard_groups_org_path_idx" ON "courtyard_groups" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "courtyard_household_status_org_path_idx" ON "courtyard_household_status" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "courtyard_inspections_org_path_idx" ON "courtyard_inspections" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "courtyard_inspections_household_idx" ON "courtyard_inspections" USING btree ("household_id","inspected_on");--> statement-breakpoint
CREATE INDEX "courtyard_inspections_date_idx" ON "courtyard_inspections" USING btree ("inspected_on");--> statement-breakpoint
CREATE INDEX "courtyard_inspections_rubric_idx" ON "courtyard_inspections" USING btree ("rubric_id");--> statement-breakpoint
CREATE UNIQUE INDEX "courtyard_inspections_monthly_uq" ON "courtyard_inspections" USING btree ("household_id","month") WHERE "courtyard_inspections"."kind" = 'monthly' and "courtyard_inspections"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "courtyard_photos_inspection_idx" ON "courtyard_photos" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "courtyard_photos_rectification_idx" ON "courtyard_photos" USING btree ("rectification_id");--> statement-breakpoint
CREATE INDEX "courtyard_photos_household_idx" ON "courtyard_photos" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "courtyard_plaque_events_household_idx" ON "courtyard_plaque_events" USING btree ("household_id","occurred_on");--> statement-breakpoint
CREATE INDEX "courtyard_plaque_events_org_path_idx" ON "courtyard_plaque_events" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "courtyard_plaque_events_occurred_idx" ON "courtyard_plaque_events" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "courtyard_rating_changes_household_idx" ON "courtyard_rating_changes" USING btree ("household_id","effective_on");--> statement-breakpoint
CREATE INDEX "courtyard_rating_changes_org_path_idx" ON "courtyard_rating_changes" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "courtyard_rating_changes_effective_idx" ON "courtyard_rating_changes" USING btree ("effective_on");--> statement-breakpoint
CREATE INDEX "courtyard_rectifications_org_path_idx" ON "courtyard_rectifications" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "courtyard_rectifications_household_idx" ON "courtyard_rectifications" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "courtyard_rectifications_inspection_idx" ON "courtyard_rectifications" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "courtyard_rectifications_open_idx" ON "courtyard_rectifications" USING btree ("deadline") WHERE "courtyard_rectifications"."status" = 'open' and "courtyard_rectifications"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "courtyard_reviews_uq" ON "courtyard_reviews" USING btree ("town_id","month");--> statement-breakpoint
CREATE INDEX "courtyard_rubrics_org_path_idx" ON "courtyard_rubrics" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "courtyard_rubrics_version_uq" ON "courtyard_rubrics" USING btree ("org_unit_id","year","version_no");