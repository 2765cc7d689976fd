CREATE TABLE "duty_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"member_id" uuid NOT NULL,
	"title" text NOT NULL,
	"claimed_on" date NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"progress_note" text,
	"done_on" date,
	"evidence" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "duty_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"women_contacted" integer DEFAULT 0 NOT NULL,
	"households_contacted" integer DEFAULT 0 NOT NULL,
	"matters" text,
	"follow_up" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "duty_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"rhythm" text NOT NULL,
	"fulfilled_by" text NOT NULL,
	"times" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "nomination_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nomination_id" uuid NOT NULL,
	"phase" text,
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
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"title_code" text NOT NULL,
	"level" text NOT NULL,
	"awarding_body" text NOT NULL,
	"nominee_kind" text NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"collective_unit_id" uuid,
	"deeds" text,
	"status" text DEFAULT 'nominated' NOT NULL,
	"notice_from" date,
	"notice_to" date,
	"awarded_on" date,
	"outcome_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "duty_projects_org_path_idx" ON "duty_projects" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "duty_projects_member_idx" ON "duty_projects" USING btree ("member_id","done_on");--> statement-breakpoint
CREATE INDEX "duty_records_org_path_idx" ON "duty_records" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "duty_records_member_idx" ON "duty_records" USING btree ("member_id","kind","occurred_on");--> statement-breakpoint
CREATE INDEX "duty_records_occurred_idx" ON "duty_records" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "duty_rules_org_path_idx" ON "duty_rules" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "nomination_photos_owner_idx" ON "nomination_photos" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "nominations_org_path_idx" ON "nominations" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "nominations_household_idx" ON "nominations" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "nominations_person_idx" ON "nominations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "nominations_awarded_idx" ON "nominations" USING btree ("awarded_on");