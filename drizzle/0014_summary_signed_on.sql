-- 成文日期 (the 落款 date) of a summary and of each saved version. Existing summaries get the
-- default a new one gets: the period's last day if it was over when the summary was drafted, else
-- the day it was drafted (Beijing time).
ALTER TABLE "work_summaries" ADD COLUMN "signed_on" date;--> statement-breakpoint
UPDATE "work_summaries" SET "signed_on" = least(
  CASE "kind"
    WHEN 'annual' THEN make_date("year", 12, 31)
    WHEN 'quarterly' THEN (make_date("year", coalesce("quarter", 1) * 3, 1) + interval '1 month - 1 day')::date
    ELSE (make_date("year", coalesce("month", 1), 1) + interval '1 month - 1 day')::date
  END,
  ("created_at" AT TIME ZONE 'Asia/Shanghai')::date
);--> statement-breakpoint
ALTER TABLE "work_summaries" ALTER COLUMN "signed_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "work_summary_versions" ADD COLUMN "signed_on" date;--> statement-breakpoint
UPDATE "work_summary_versions" v SET "signed_on" = s."signed_on" FROM "work_summaries" s WHERE s."id" = v."summary_id";--> statement-breakpoint
UPDATE "work_summary_versions" SET "signed_on" = ("saved_at" AT TIME ZONE 'Asia/Shanghai')::date WHERE "signed_on" IS NULL;--> statement-breakpoint
ALTER TABLE "work_summary_versions" ALTER COLUMN "signed_on" SET NOT NULL;
