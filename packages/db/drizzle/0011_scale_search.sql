DROP INDEX "persons_region_path_idx";--> statement-breakpoint
DROP INDEX "persons_name_idx";--> statement-breakpoint
ALTER TABLE "org_units" ALTER COLUMN "path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "name" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "id_number" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "responsibility_rounds" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "responsibility_submissions" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "responsibility_templates" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "policy_param_versions" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "hospitals" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "claims" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "advance_declarations" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "reimbursement_attachments" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "offsite_registrations" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "referral_overrides" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "referral_settings" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "referrals" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "list_batches" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "enrollments" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "premiums" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "subsidy_runs" ALTER COLUMN "region_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
CREATE INDEX "persons_region_name_idx" ON "persons" USING btree ("region_path","name","id");--> statement-breakpoint
CREATE INDEX "persons_id_number_reversed_idx" ON "persons" USING btree (reverse("id_number"));--> statement-breakpoint
CREATE INDEX "claims_created_at_id_idx" ON "claims" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name","id");