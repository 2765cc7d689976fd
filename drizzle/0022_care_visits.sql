CREATE TABLE "care_pairings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"key_person_id" uuid NOT NULL,
	"helpers" jsonb NOT NULL,
	"frequency" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"pairing_id" uuid NOT NULL,
	"key_person_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"mode" text NOT NULL,
	"findings" text NOT NULL,
	"help" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"amount_fen" bigint,
	"next_step" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "care_visits_amount_ck" CHECK ("care_visits"."amount_fen" is null or "care_visits"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX "care_pairings_org_path_idx" ON "care_pairings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "care_pairings_active_uq" ON "care_pairings" USING btree ("key_person_id") WHERE "care_pairings"."deleted_at" is null and "care_pairings"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "care_visits_org_path_idx" ON "care_visits" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "care_visits_pairing_idx" ON "care_visits" USING btree ("pairing_id","visited_on");--> statement-breakpoint
CREATE INDEX "care_visits_visited_idx" ON "care_visits" USING btree ("visited_on");