CREATE TABLE "county_code_lists" (
	"root_org_unit_id" uuid NOT NULL,
	"list" text NOT NULL,
	"items" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "county_code_lists_root_org_unit_id_list_pk" PRIMARY KEY("root_org_unit_id","list")
);
--> statement-breakpoint
INSERT INTO "county_code_lists" ("root_org_unit_id", "list", "items", "updated_by", "updated_at")
SELECT "root_org_unit_id", 'activityTypes', "types", "updated_by", "updated_at" FROM "activity_type_options";
--> statement-breakpoint
DROP TABLE "activity_type_options" CASCADE;
