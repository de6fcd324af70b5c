CREATE TABLE "advance_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_on" date NOT NULL,
	"note" text,
	"request_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advance_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"instalment" text NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"paid_on" date NOT NULL,
	"payment_ref" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"request_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advance_recoveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"recovered_on" date NOT NULL,
	"reference" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"request_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reimbursement_payee_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"old_name" text,
	"old_bank_name" text,
	"old_account" text,
	"new_name" text NOT NULL,
	"new_bank_name" text NOT NULL,
	"new_account" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advance_declarations" ADD COLUMN "limit_reason" text;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD COLUMN "payee_name" text;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD COLUMN "payee_bank_name" text;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD COLUMN "payee_source" text;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD COLUMN "payee_verified_by" uuid;--> statement-breakpoint
ALTER TABLE "advance_approvals" ADD CONSTRAINT "advance_approvals_declaration_id_advance_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."advance_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_approvals" ADD CONSTRAINT "advance_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_payments" ADD CONSTRAINT "advance_payments_declaration_id_advance_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."advance_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_payments" ADD CONSTRAINT "advance_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_recoveries" ADD CONSTRAINT "advance_recoveries_declaration_id_advance_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."advance_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_recoveries" ADD CONSTRAINT "advance_recoveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_payee_changes" ADD CONSTRAINT "reimbursement_payee_changes_case_id_reimbursement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reimbursement_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_payee_changes" ADD CONSTRAINT "reimbursement_payee_changes_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_payee_changes" ADD CONSTRAINT "reimbursement_payee_changes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advance_approvals_declaration_id_stage_idx" ON "advance_approvals" USING btree ("declaration_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "advance_approvals_request_key_idx" ON "advance_approvals" USING btree ("request_key");--> statement-breakpoint
CREATE INDEX "advance_payments_declaration_id_idx" ON "advance_payments" USING btree ("declaration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advance_payments_request_key_idx" ON "advance_payments" USING btree ("request_key");--> statement-breakpoint
CREATE INDEX "advance_recoveries_declaration_id_idx" ON "advance_recoveries" USING btree ("declaration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advance_recoveries_request_key_idx" ON "advance_recoveries" USING btree ("request_key");--> statement-breakpoint
CREATE INDEX "reimbursement_payee_changes_case_id_idx" ON "reimbursement_payee_changes" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reimbursement_payee_changes_pending_idx" ON "reimbursement_payee_changes" USING btree ("case_id") WHERE "reimbursement_payee_changes"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD CONSTRAINT "reimbursement_cases_payee_verified_by_users_id_fk" FOREIGN KEY ("payee_verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Existing rows (decision 0009). A case's payee is the person's registered account as it is now;
-- a paid case keeps the account it was paid to (entered at 支付 when it differed). A case already
-- past 复核 counts as checked by its 复核 reviewer, who saw the registered account on the case page.
UPDATE "reimbursement_cases" AS c SET
	"payee_name" = p."name",
	"payee_bank_name" = p."bank_name",
	"payee_account" = coalesce(c."payee_account", nullif(regexp_replace(coalesce(p."bank_account", ''), '\s', '', 'g'), '')),
	"payee_source" = CASE
		WHEN c."payee_account" IS NOT NULL AND c."payee_account" <> regexp_replace(coalesce(p."bank_account", ''), '\s', '', 'g') THEN 'entered'
		ELSE 'registered' END,
	"payee_verified_by" = CASE WHEN c."status" IN ('payment', 'paid') THEN c."second_review_by" END
FROM "persons" AS p WHERE p."id" = c."person_id";--> statement-breakpoint
-- Advance payments made before this migration become dated payment rows; the old flow had no
-- separate approval, so each paid instalment gets one in the name of whoever recorded the payment
-- (from the audit log; the declarer when the log has none), marked as migrated.
INSERT INTO "advance_approvals" ("declaration_id", "stage", "amount", "approved_by", "approved_on", "note", "request_key")
SELECT d."id", 'first', d."first_paid_amount",
	coalesce((SELECT a."user_id" FROM "audit_log" a WHERE a."entity_id" = d."id"::text AND a."action" = 'advance.pay_first' ORDER BY a."at" LIMIT 1), d."created_by"),
	d."first_paid_on", '迁移：原流程拨付时未单独批准', 'migrated:first:' || d."id"
FROM "advance_declarations" d WHERE d."first_paid_on" IS NOT NULL;--> statement-breakpoint
INSERT INTO "advance_payments" ("declaration_id", "instalment", "amount", "paid_on", "payment_ref", "recorded_by", "request_key")
SELECT d."id", 'first', d."first_paid_amount", d."first_paid_on", coalesce(d."first_payment_ref", '—'),
	coalesce((SELECT a."user_id" FROM "audit_log" a WHERE a."entity_id" = d."id"::text AND a."action" = 'advance.pay_first' ORDER BY a."at" LIMIT 1), d."created_by"),
	'migrated:pay-first:' || d."id"
FROM "advance_declarations" d WHERE d."first_paid_on" IS NOT NULL;--> statement-breakpoint
INSERT INTO "advance_approvals" ("declaration_id", "stage", "amount", "approved_by", "approved_on", "note", "request_key")
SELECT d."id", 'total', d."approved_total",
	coalesce((SELECT a."user_id" FROM "audit_log" a WHERE a."entity_id" = d."id"::text AND a."action" = 'advance.pay_rest' ORDER BY a."at" LIMIT 1), d."created_by"),
	d."rest_paid_on", '迁移：原流程结清时未单独审核', 'migrated:total:' || d."id"
FROM "advance_declarations" d WHERE d."approved_total" IS NOT NULL AND d."rest_paid_on" IS NOT NULL;--> statement-breakpoint
INSERT INTO "advance_payments" ("declaration_id", "instalment", "amount", "paid_on", "payment_ref", "recorded_by", "request_key")
SELECT d."id", 'rest', d."rest_paid_amount", d."rest_paid_on", coalesce(d."rest_payment_ref", '—'),
	coalesce((SELECT a."user_id" FROM "audit_log" a WHERE a."entity_id" = d."id"::text AND a."action" = 'advance.pay_rest' ORDER BY a."at" LIMIT 1), d."created_by"),
	'migrated:pay-rest:' || d."id"
FROM "advance_declarations" d WHERE d."rest_paid_on" IS NOT NULL AND d."rest_paid_amount" > 0;--> statement-breakpoint
ALTER TABLE "advance_declarations" DROP COLUMN "first_paid_amount";--> statement-breakpoint
ALTER TABLE "advance_declarations" DROP COLUMN "first_payment_ref";--> statement-breakpoint
ALTER TABLE "advance_declarations" DROP COLUMN "rest_paid_amount";--> statement-breakpoint
ALTER TABLE "advance_declarations" DROP COLUMN "rest_payment_ref";