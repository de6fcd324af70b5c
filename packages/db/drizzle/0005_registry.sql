CREATE TABLE "list_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"source_department" text NOT NULL,
	"list_date" date NOT NULL,
	"file_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"row_count" integer NOT NULL,
	"new_count" integer NOT NULL,
	"left_count" integer NOT NULL,
	"changed_count" integer NOT NULL,
	"invalid_count" integer NOT NULL,
	"unchanged_count" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"preview" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"year" integer NOT NULL,
	"basic_enrolled" boolean NOT NULL,
	"critical_enrolled" boolean NOT NULL,
	"premium_tier" integer,
	"enrolled_on" date,
	"commercial_supplementary" boolean DEFAULT false NOT NULL,
	"not_enrolled_reason" text,
	"resolution_deadline" date,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	"note" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "premiums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"year" integer NOT NULL,
	"tier1" bigint NOT NULL,
	"tier2" bigint,
	"note" text NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_run_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"county_name" text NOT NULL,
	"premium" bigint NOT NULL,
	"param_version_id" uuid,
	"categories" jsonb NOT NULL,
	"applied_category" text NOT NULL,
	"amount" bigint NOT NULL,
	"person_pays" bigint NOT NULL,
	"share_province" bigint,
	"share_prefecture" bigint,
	"share_county" bigint,
	"assistance_fund" bigint,
	"fiscal" bigint,
	"explain" text NOT NULL,
	"clause" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"year" integer NOT NULL,
	"profile" text NOT NULL,
	"person_count" integer NOT NULL,
	"subsidised_count" integer NOT NULL,
	"total_amount" bigint NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "list_batches" ADD CONSTRAINT "list_batches_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_batches" ADD CONSTRAINT "list_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_batches" ADD CONSTRAINT "list_batches_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premiums" ADD CONSTRAINT "premiums_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premiums" ADD CONSTRAINT "premiums_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_run_items" ADD CONSTRAINT "subsidy_run_items_run_id_subsidy_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."subsidy_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_run_items" ADD CONSTRAINT "subsidy_run_items_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_run_items" ADD CONSTRAINT "subsidy_run_items_param_version_id_policy_param_versions_id_fk" FOREIGN KEY ("param_version_id") REFERENCES "public"."policy_param_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_runs" ADD CONSTRAINT "subsidy_runs_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_runs" ADD CONSTRAINT "subsidy_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "list_batches_region_path_idx" ON "list_batches" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "list_batches_created_at_idx" ON "list_batches" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_person_id_year_idx" ON "enrollments" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "enrollments_region_path_idx" ON "enrollments" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enrollments_year_idx" ON "enrollments" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "premiums_org_unit_id_year_idx" ON "premiums" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "premiums_region_path_idx" ON "premiums" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "subsidy_run_items_run_id_idx" ON "subsidy_run_items" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "subsidy_run_items_person_id_idx" ON "subsidy_run_items" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "subsidy_runs_region_path_idx" ON "subsidy_runs" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "subsidy_runs_year_idx" ON "subsidy_runs" USING btree ("year");