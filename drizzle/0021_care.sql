CREATE TABLE "care_key_people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"close_reason" text,
	"close_requested_on" date,
	"closed_on" date,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "care_mediation_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"source" text NOT NULL,
	"ticket_no" text,
	"reply_due_on" date,
	"replied_on" date,
	"dispute_type" text NOT NULL,
	"parties" jsonb NOT NULL,
	"summary" text,
	"mediator_person_id" uuid,
	"assigned_user_id" uuid,
	"key_person_id" uuid,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"referral_note" text,
	"closed_on" date,
	"follow_up_due_on" date,
	"followed_up_on" date,
	"reopen_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "care_mediation_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "care_screenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"key_person_id" uuid NOT NULL,
	"month" text NOT NULL,
	"screened_on" date NOT NULL,
	"risk" text NOT NULL,
	"reason" text,
	"referral_to" text,
	"referral_status" text,
	"referral_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "care_key_people_org_path_idx" ON "care_key_people" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "care_key_people_person_category_uq" ON "care_key_people" USING btree ("person_id","category") WHERE "care_key_people"."deleted_at" is null and "care_key_people"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "care_mediation_cases_org_path_idx" ON "care_mediation_cases" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "care_mediation_cases_received_idx" ON "care_mediation_cases" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "care_mediation_sessions_case_idx" ON "care_mediation_sessions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "care_mediation_sessions_org_path_idx" ON "care_mediation_sessions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "care_screenings_org_path_idx" ON "care_screenings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "care_screenings_month_uq" ON "care_screenings" USING btree ("key_person_id","month") WHERE "care_screenings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "care_screenings_month_idx" ON "care_screenings" USING btree ("month");