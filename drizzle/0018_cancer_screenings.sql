CREATE TABLE "cancer_screenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"person_id" uuid NOT NULL,
	"programme_year" integer NOT NULL,
	"category" text NOT NULL,
	"mobilised_on" date NOT NULL,
	"consent_signed_on" date,
	"screened_on" date,
	"site" text,
	"result" text,
	"follow_up_note" text,
	"follow_up_done_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "cancer_screenings_org_path_idx" ON "cancer_screenings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cancer_screenings_person_year_uq" ON "cancer_screenings" USING btree ("person_id","programme_year") WHERE "cancer_screenings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "cancer_screenings_mobilised_idx" ON "cancer_screenings" USING btree ("mobilised_on");--> statement-breakpoint
CREATE INDEX "cancer_screenings_screened_idx" ON "cancer_screenings" USING btree ("screened_on");