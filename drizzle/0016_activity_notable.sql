ALTER TABLE "activities" ADD COLUMN "is_notable" boolean DEFAULT false NOT NULL;
