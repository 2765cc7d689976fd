CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"address" text NOT NULL,
	"house_number" text,
	"head_person_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"ledger" text NOT NULL,
	"filename" text NOT NULL,
	"status" text NOT NULL,
	"phase" text,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"report" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"approx_birth_year" integer,
	"id_number_cipher" text,
	"id_number_index" text,
	"id_number_masked" text,
	"phone_cipher" text,
	"phone_masked" text,
	"household_id" uuid,
	"relation_to_head" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "households_org_path_idx" ON "households" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "households_address_uq" ON "households" USING btree ("org_unit_id","address",coalesce("house_number", '')) WHERE "households"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "import_jobs_user_idx" ON "import_jobs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "persons_org_path_idx" ON "persons" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_uq" ON "persons" USING btree ("id_number_index") WHERE "persons"."deleted_at" is null and "persons"."id_number_index" is not null;--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "persons_pinyin_idx" ON "persons" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name");