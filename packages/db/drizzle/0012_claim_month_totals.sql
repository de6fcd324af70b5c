CREATE TABLE "claim_month_totals" (
	"region_path" text COLLATE "C" NOT NULL,
	"profile" text NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"applied_category" text NOT NULL,
	"visit_type" text NOT NULL,
	"location" text NOT NULL,
	"hospital_id" uuid NOT NULL,
	"hospital_level" integer NOT NULL,
	"claims" integer DEFAULT 0 NOT NULL,
	"referred" integer DEFAULT 0 NOT NULL,
	"overrides" integer DEFAULT 0 NOT NULL,
	"total_cost" bigint DEFAULT 0 NOT NULL,
	"in_scope_cost" bigint DEFAULT 0 NOT NULL,
	"special_drug_cost" bigint DEFAULT 0 NOT NULL,
	"basic" bigint DEFAULT 0 NOT NULL,
	"critical" bigint DEFAULT 0 NOT NULL,
	"hospital_reduction" bigint DEFAULT 0 NOT NULL,
	"assistance" bigint DEFAULT 0 NOT NULL,
	"tilted" bigint DEFAULT 0 NOT NULL,
	"hospital_borne" bigint DEFAULT 0 NOT NULL,
	"fund_paid" bigint DEFAULT 0 NOT NULL,
	"patient_pays" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "claim_month_totals_key_idx" ON "claim_month_totals" USING btree ("region_path","year","month","applied_category","visit_type","location","hospital_id","hospital_level");--> statement-breakpoint
CREATE INDEX "claim_month_totals_year_region_path_idx" ON "claim_month_totals" USING btree ("year","region_path");