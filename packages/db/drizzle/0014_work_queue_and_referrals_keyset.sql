ALTER TABLE "reimbursement_cases" ADD COLUMN "queue_paid" smallint GENERATED ALWAYS AS (case when status = 'paid' then 1 else 0 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD COLUMN "queue_start" date GENERATED ALWAYS AS (coalesce(materials_complete_on, date '9999-12-31')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "reimbursement_cases_queue_idx" ON "reimbursement_cases" USING btree ("queue_paid","queue_start","received_on","id");--> statement-breakpoint
CREATE INDEX "referrals_created_at_idx" ON "referrals" USING btree ("created_at","id");