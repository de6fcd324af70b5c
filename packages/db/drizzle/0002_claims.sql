CREATE TABLE "claim_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"tier" text NOT NULL,
	"amount" bigint NOT NULL,
	"clause" text NOT NULL,
	"explain" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_no" text NOT NULL,
	"kind" text DEFAULT 'settlement' NOT NULL,
	"status" text DEFAULT 'settled' NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"profile" text NOT NULL,
	"year" integer NOT NULL,
	"hospital_id" uuid NOT NULL,
	"hospital_name" text NOT NULL,
	"hospital_level" integer NOT NULL,
	"location" text NOT NULL,
	"visit_type" text NOT NULL,
	"admission_date" date NOT NULL,
	"discharge_date" date NOT NULL,
	"diagnosis" text NOT NULL,
	"special_disease" text,
	"referred" boolean DEFAULT false NOT NULL,
	"referral_source" text DEFAULT 'none' NOT NULL,
	"referral_id" uuid,
	"referral_note" text,
	"total_cost" bigint DEFAULT 0 NOT NULL,
	"in_scope_cost" bigint DEFAULT 0 NOT NULL,
	"special_drug_cost" bigint DEFAULT 0 NOT NULL,
	"applied_category" text NOT NULL,
	"categories_held" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"basic" bigint DEFAULT 0 NOT NULL,
	"critical" bigint DEFAULT 0 NOT NULL,
	"hospital_reduction" bigint DEFAULT 0 NOT NULL,
	"assistance" bigint DEFAULT 0 NOT NULL,
	"tilted" bigint DEFAULT 0 NOT NULL,
	"hospital_borne" bigint DEFAULT 0 NOT NULL,
	"fund_paid" bigint DEFAULT 0 NOT NULL,
	"patient_pays" bigint DEFAULT 0 NOT NULL,
	"paid_elsewhere" bigint DEFAULT 0 NOT NULL,
	"param_version_id" uuid,
	"request" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"ytd_before" jsonb NOT NULL,
	"reverses_claim_id" uuid,
	"reversed_by_claim_id" uuid,
	"reason" text,
	"idempotency_key" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_year_accumulators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"ytd" jsonb NOT NULL,
	"claim_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_hospital_id_hospitals_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_param_version_id_policy_param_versions_id_fk" FOREIGN KEY ("param_version_id") REFERENCES "public"."policy_param_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_year_accumulators" ADD CONSTRAINT "person_year_accumulators_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_lines_claim_id_idx" ON "claim_lines" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_claim_no_idx" ON "claims" USING btree ("claim_no");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_idempotency_key_idx" ON "claims" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "claims_person_id_year_idx" ON "claims" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "claims_region_path_idx" ON "claims" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "claims_discharge_date_idx" ON "claims" USING btree ("discharge_date");--> statement-breakpoint
CREATE INDEX "claims_hospital_id_idx" ON "claims" USING btree ("hospital_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_year_accumulators_person_id_year_idx" ON "person_year_accumulators" USING btree ("person_id","year");