CREATE TABLE "patrol_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patrol_id" uuid NOT NULL,
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
CREATE INDEX "patrol_photos_owner_idx" ON "patrol_photos" USING btree ("patrol_id");