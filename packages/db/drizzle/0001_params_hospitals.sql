CREATE TABLE "policy_param_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"profile" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"settle" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subsidy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hospitals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"is_networked" boolean DEFAULT true NOT NULL,
	"is_special_disease_designated" boolean DEFAULT false NOT NULL,
	"referral_tier" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_param_versions" ADD CONSTRAINT "policy_param_versions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_param_versions" ADD CONSTRAINT "policy_param_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hospitals" ADD CONSTRAINT "hospitals_owner_org_unit_id_org_units_id_fk" FOREIGN KEY ("owner_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_param_versions_org_unit_id_version_idx" ON "policy_param_versions" USING btree ("org_unit_id","version");--> statement-breakpoint
CREATE INDEX "policy_param_versions_region_path_idx" ON "policy_param_versions" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "hospitals_owner_org_unit_id_code_idx" ON "hospitals" USING btree ("owner_org_unit_id","code");--> statement-breakpoint
CREATE INDEX "hospitals_region_path_idx" ON "hospitals" USING btree ("region_path" text_pattern_ops);