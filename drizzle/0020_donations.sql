CREATE TABLE "beneficiaries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"school" text,
	"grade" text,
	"family_situation" text,
	"guardian_name" text,
	"person_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cancer_aid_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"person_id" uuid NOT NULL,
	"applied_on" date NOT NULL,
	"cancer_type" text NOT NULL,
	"diagnosed_on" date,
	"hospital" text,
	"income_category" text NOT NULL,
	"document_key" text,
	"document_type" text,
	"document_bytes" bigint,
	"status" text NOT NULL,
	"amount_fen" bigint,
	"fund" text,
	"granted_on" date,
	"paid_on" date,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "cancer_aid_amount_positive" CHECK ("cancer_aid_applications"."amount_fen" is null or "cancer_aid_applications"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"drive_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"purpose" text,
	"status" text NOT NULL,
	"submitted_on" date NOT NULL,
	"paid_on" date,
	"paid_method" text,
	"payer" text,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "disbursements_amount_positive" CHECK ("disbursements"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"drive_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"donor_name" text NOT NULL,
	"donor_kind" text NOT NULL,
	"is_anonymous" boolean DEFAULT false NOT NULL,
	"donor_phone" text,
	"kind" text NOT NULL,
	"amount_fen" bigint,
	"method" text,
	"received_on" date NOT NULL,
	"receipt_no" text NOT NULL,
	"items" text,
	"estimated_value_fen" bigint,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "donations_amount_positive" CHECK ("donations"."amount_fen" is null or "donations"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fundraising_drives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"target_fen" bigint,
	"raised_fen" bigint DEFAULT 0 NOT NULL,
	"in_kind_fen" bigint DEFAULT 0 NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "fundraising_drives_balance_nonnegative" CHECK ("fundraising_drives"."balance_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX "beneficiaries_org_path_idx" ON "beneficiaries" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cancer_aid_org_path_idx" ON "cancer_aid_applications" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cancer_aid_person_idx" ON "cancer_aid_applications" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "disbursements_org_path_idx" ON "disbursements" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "disbursements_drive_idx" ON "disbursements" USING btree ("drive_id","status");--> statement-breakpoint
CREATE INDEX "disbursements_beneficiary_idx" ON "disbursements" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "donations_org_path_idx" ON "donations" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "donations_drive_idx" ON "donations" USING btree ("drive_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_receipt_uq" ON "donations" USING btree ("drive_id","receipt_no") WHERE "donations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "fundraising_drives_org_path_idx" ON "fundraising_drives" USING btree ("org_path" text_pattern_ops);