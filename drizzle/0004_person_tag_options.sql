CREATE TABLE "person_tag_options" (
	"root_org_unit_id" uuid PRIMARY KEY NOT NULL,
	"tags" text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
