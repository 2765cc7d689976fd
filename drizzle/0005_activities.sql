CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"ended_on" date,
	"co_organizers" text,
	"site_id" uuid,
	"place" text,
	"campaign_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"attendance" integer DEFAULT 0 NOT NULL,
	"volunteer_count" integer DEFAULT 0 NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"participant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"series_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "activity_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
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
CREATE TABLE "activity_type_options" (
	"root_org_unit_id" uuid PRIMARY KEY NOT NULL,
	"types" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "patrols" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"occurred_on" date NOT NULL,
	"area" text NOT NULL,
	"duration_minutes" integer,
	"chief_ids" uuid[] NOT NULL,
	"team_id" uuid,
	"hazards_found" integer DEFAULT 0 NOT NULL,
	"hazard_note" text,
	"action_taken" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "activities_org_path_idx" ON "activities" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "activities_occurred_idx" ON "activities" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "activities_type_idx" ON "activities" USING btree ("type","occurred_on");--> statement-breakpoint
CREATE INDEX "activities_campaigns_idx" ON "activities" USING gin ("campaign_ids");--> statement-breakpoint
CREATE INDEX "activities_participants_idx" ON "activities" USING gin ("participant_ids");--> statement-breakpoint
CREATE INDEX "activities_site_idx" ON "activities" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "activity_photos_activity_idx" ON "activity_photos" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "campaigns_org_path_idx" ON "campaigns" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patrols_org_path_idx" ON "patrols" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patrols_occurred_idx" ON "patrols" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "patrols_chiefs_idx" ON "patrols" USING gin ("chief_ids");