CREATE TABLE "responsibility_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"template_key" text NOT NULL,
	"template" jsonb NOT NULL,
	"due_date" date NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"opened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"stage" text DEFAULT 'not_started' NOT NULL,
	"rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"filled_date" date,
	"current_version" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_comment" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"organised_by" text NOT NULL,
	"items" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"allow_extra_rows" boolean DEFAULT true NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"is_archived" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"filled_date" date NOT NULL,
	"seal_confirmed_by" text NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"return_comment" text,
	"returned_by" uuid,
	"returned_by_name" text,
	"returned_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "responsibility_rounds" ADD CONSTRAINT "responsibility_rounds_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_rounds" ADD CONSTRAINT "responsibility_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_submissions" ADD CONSTRAINT "responsibility_submissions_round_id_responsibility_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."responsibility_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_submissions" ADD CONSTRAINT "responsibility_submissions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_submissions" ADD CONSTRAINT "responsibility_submissions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_templates" ADD CONSTRAINT "responsibility_templates_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_templates" ADD CONSTRAINT "responsibility_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_versions" ADD CONSTRAINT "responsibility_versions_submission_id_responsibility_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."responsibility_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_versions" ADD CONSTRAINT "responsibility_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_versions" ADD CONSTRAINT "responsibility_versions_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responsibility_rounds_region_path_idx" ON "responsibility_rounds" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "responsibility_submissions_round_unit_idx" ON "responsibility_submissions" USING btree ("round_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "responsibility_submissions_region_path_idx" ON "responsibility_submissions" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "responsibility_templates_region_path_idx" ON "responsibility_templates" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "responsibility_versions_submission_version_idx" ON "responsibility_versions" USING btree ("submission_id","version");