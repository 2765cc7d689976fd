CREATE TABLE "report_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"period_type" text NOT NULL,
	"org_level" text NOT NULL,
	"columns" jsonb NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "work_summaries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"month" integer,
	"style" text NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "work_summary_versions" (
	"summary_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"org_path" text NOT NULL,
	"action" text NOT NULL,
	"title" text NOT NULL,
	"style" text NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_by_name" text,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_summary_versions_summary_id_version_pk" PRIMARY KEY("summary_id","version")
);
--> statement-breakpoint
CREATE INDEX "report_definitions_org_path_idx" ON "report_definitions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "work_summaries_org_path_idx" ON "work_summaries" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "work_summaries_unit_idx" ON "work_summaries" USING btree ("org_unit_id","kind","year");--> statement-breakpoint
-- One live summary per unit and period (a deleted one may be restored only if none replaced it).
CREATE UNIQUE INDEX "work_summaries_live_period_uq" ON "work_summaries" ("org_unit_id", "kind", "year", coalesce("quarter", 0), coalesce("month", 0)) WHERE "deleted_at" IS NULL;
