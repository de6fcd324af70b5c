CREATE TABLE "offsite_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_no" text NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"type" text NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"profile" text NOT NULL,
	"province_code" text NOT NULL,
	"province_name" text NOT NULL,
	"city_code" text,
	"city_name" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"cancel_reason" text,
	"created_by" uuid NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"hospital_id" uuid NOT NULL,
	"admission_date" date NOT NULL,
	"reason" text NOT NULL,
	"region_path" text NOT NULL,
	"claim_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"validity_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_no" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"profile" text NOT NULL,
	"issuing_hospital_id" uuid NOT NULL,
	"destination_hospital_id" uuid NOT NULL,
	"destination_tier" text NOT NULL,
	"diagnosis" text NOT NULL,
	"reason" text NOT NULL,
	"issue_date" date NOT NULL,
	"planned_admission_date" date NOT NULL,
	"validity_days" integer NOT NULL,
	"valid_until" date NOT NULL,
	"reject_reason" text,
	"cancel_reason" text,
	"submitted_by" uuid NOT NULL,
	"registered_by" uuid,
	"registered_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_sequences" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "registration_sequences_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
ALTER TABLE "offsite_registrations" ADD CONSTRAINT "offsite_registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offsite_registrations" ADD CONSTRAINT "offsite_registrations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offsite_registrations" ADD CONSTRAINT "offsite_registrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offsite_registrations" ADD CONSTRAINT "offsite_registrations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_overrides" ADD CONSTRAINT "referral_overrides_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_overrides" ADD CONSTRAINT "referral_overrides_hospital_id_hospitals_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_overrides" ADD CONSTRAINT "referral_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_settings" ADD CONSTRAINT "referral_settings_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_settings" ADD CONSTRAINT "referral_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_issuing_hospital_id_hospitals_id_fk" FOREIGN KEY ("issuing_hospital_id") REFERENCES "public"."hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_destination_hospital_id_hospitals_id_fk" FOREIGN KEY ("destination_hospital_id") REFERENCES "public"."hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "offsite_registrations_registration_no_idx" ON "offsite_registrations" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "offsite_registrations_person_id_idx" ON "offsite_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "offsite_registrations_region_path_idx" ON "offsite_registrations" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "offsite_registrations_end_date_idx" ON "offsite_registrations" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "referral_overrides_person_id_idx" ON "referral_overrides" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referral_overrides_region_path_idx" ON "referral_overrides" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "referral_settings_org_unit_id_idx" ON "referral_settings" USING btree ("org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_referral_no_idx" ON "referrals" USING btree ("referral_no");--> statement-breakpoint
CREATE INDEX "referrals_person_id_idx" ON "referrals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referrals_destination_hospital_id_idx" ON "referrals" USING btree ("destination_hospital_id");--> statement-breakpoint
CREATE INDEX "referrals_region_path_idx" ON "referrals" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "referrals_valid_until_idx" ON "referrals" USING btree ("valid_until");