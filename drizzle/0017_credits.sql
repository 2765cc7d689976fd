CREATE TABLE "credit_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "credit_accounts_balance_nonnegative" CHECK ("credit_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credit_goods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"points_price" integer NOT NULL,
	"unit_value_fen" integer,
	"photo_id" uuid,
	"stock" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "credit_goods_stock_nonnegative" CHECK ("credit_goods"."stock" >= 0),
	CONSTRAINT "credit_goods_price_positive" CHECK ("credit_goods"."points_price" > 0)
);
--> statement-breakpoint
CREATE TABLE "credit_redemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total_points" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"transaction_id" uuid NOT NULL,
	"redeemed_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "credit_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"item" text NOT NULL,
	"category" text NOT NULL,
	"points" integer NOT NULL,
	"is_variable" boolean DEFAULT false NOT NULL,
	"is_evidence_required" boolean DEFAULT false NOT NULL,
	"cap_points" integer,
	"cap_period" text,
	"needs_review" boolean DEFAULT false NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "credit_rules_points_nonzero" CHECK ("credit_rules"."points" <> 0)
);
--> statement-breakpoint
CREATE TABLE "credit_stock_moves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"good_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"donor" text,
	"value_fen" integer,
	"reason" text,
	"occurred_on" date NOT NULL,
	"redemption_id" uuid,
	"stocktake_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "credit_stocktakes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"counted_on" date NOT NULL,
	"lines" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "credit_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"points" integer NOT NULL,
	"rule_id" uuid,
	"category" text,
	"reason" text,
	"occurred_on" date NOT NULL,
	"photo_id" uuid,
	"source_type" text,
	"source_id" uuid,
	"reversal_of" uuid,
	"redemption_id" uuid,
	"balance_after" integer,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "credit_accounts_org_path_idx" ON "credit_accounts" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "credit_accounts_household_uq" ON "credit_accounts" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "credit_goods_org_path_idx" ON "credit_goods" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "credit_goods_store_name_uq" ON "credit_goods" USING btree ("store_id","name") WHERE "credit_goods"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "credit_redemptions_org_path_idx" ON "credit_redemptions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "credit_redemptions_household_idx" ON "credit_redemptions" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "credit_rules_org_path_idx" ON "credit_rules" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "credit_stock_moves_org_path_idx" ON "credit_stock_moves" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "credit_stock_moves_good_idx" ON "credit_stock_moves" USING btree ("good_id","occurred_on");--> statement-breakpoint
CREATE INDEX "credit_stocktakes_org_path_idx" ON "credit_stocktakes" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "credit_transactions_org_path_idx" ON "credit_transactions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "credit_transactions_account_idx" ON "credit_transactions" USING btree ("account_id","occurred_on");--> statement-breakpoint
CREATE INDEX "credit_transactions_household_idx" ON "credit_transactions" USING btree ("household_id","occurred_on");--> statement-breakpoint
CREATE INDEX "credit_transactions_date_idx" ON "credit_transactions" USING btree ("occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_transactions_reversal_uq" ON "credit_transactions" USING btree ("reversal_of");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_transactions_source_uq" ON "credit_transactions" USING btree ("rule_id","source_type","source_id","household_id") WHERE "credit_transactions"."source_id" is not null and "credit_transactions"."kind" = 'award';