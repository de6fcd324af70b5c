CREATE SEQUENCE "public"."advance_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."reimbursement_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "advance_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"declaration_no" text NOT NULL,
	"hospital_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"received_on" date NOT NULL,
	"basic" bigint DEFAULT 0 NOT NULL,
	"critical" bigint DEFAULT 0 NOT NULL,
	"assistance" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"first_paid_amount" bigint DEFAULT 0 NOT NULL,
	"first_paid_on" date,
	"first_payment_ref" text,
	"approved_total" bigint,
	"rest_paid_amount" bigint DEFAULT 0 NOT NULL,
	"rest_paid_on" date,
	"rest_payment_ref" text,
	"note" text,
	"idempotency_key" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"holidays" jsonb NOT NULL,
	"working_days" jsonb NOT NULL,
	"source" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reimbursement_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"material" text,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reimbursement_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"hospital_id" uuid NOT NULL,
	"visit" jsonb NOT NULL,
	"materials" jsonb NOT NULL,
	"received_on" date NOT NULL,
	"materials_complete_on" date,
	"hold_kind" text,
	"hold_reason" text,
	"paid_elsewhere_basic" bigint DEFAULT 0 NOT NULL,
	"paid_elsewhere_critical" bigint DEFAULT 0 NOT NULL,
	"settlement" jsonb,
	"payable" bigint DEFAULT 0 NOT NULL,
	"first_review_by" uuid,
	"second_review_by" uuid,
	"paid_amount" bigint DEFAULT 0 NOT NULL,
	"paid_on" date,
	"payment_ref" text,
	"payee_account" text,
	"claim_id" uuid,
	"idempotency_key" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reimbursement_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"on_date" date NOT NULL,
	"request_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reimbursement_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"clear_note" text,
	"started_by" uuid NOT NULL,
	"cleared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advance_declarations" ADD CONSTRAINT "advance_declarations_hospital_id_hospitals_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_declarations" ADD CONSTRAINT "advance_declarations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_declarations" ADD CONSTRAINT "advance_declarations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_attachments" ADD CONSTRAINT "reimbursement_attachments_case_id_reimbursement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reimbursement_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_attachments" ADD CONSTRAINT "reimbursement_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD CONSTRAINT "reimbursement_cases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD CONSTRAINT "reimbursement_cases_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD CONSTRAINT "reimbursement_cases_hospital_id_hospitals_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD CONSTRAINT "reimbursement_cases_first_review_by_users_id_fk" FOREIGN KEY ("first_review_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD CONSTRAINT "reimbursement_cases_second_review_by_users_id_fk" FOREIGN KEY ("second_review_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD CONSTRAINT "reimbursement_cases_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_cases" ADD CONSTRAINT "reimbursement_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_events" ADD CONSTRAINT "reimbursement_events_case_id_reimbursement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reimbursement_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_events" ADD CONSTRAINT "reimbursement_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_suspensions" ADD CONSTRAINT "reimbursement_suspensions_case_id_reimbursement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reimbursement_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_suspensions" ADD CONSTRAINT "reimbursement_suspensions_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_suspensions" ADD CONSTRAINT "reimbursement_suspensions_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advance_declarations_declaration_no_idx" ON "advance_declarations" USING btree ("declaration_no");--> statement-breakpoint
CREATE UNIQUE INDEX "advance_declarations_idempotency_key_idx" ON "advance_declarations" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "advance_declarations_region_path_idx" ON "advance_declarations" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "reimbursement_attachments_case_id_idx" ON "reimbursement_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reimbursement_cases_case_no_idx" ON "reimbursement_cases" USING btree ("case_no");--> statement-breakpoint
CREATE UNIQUE INDEX "reimbursement_cases_idempotency_key_idx" ON "reimbursement_cases" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "reimbursement_cases_region_path_idx" ON "reimbursement_cases" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "reimbursement_cases_status_idx" ON "reimbursement_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reimbursement_cases_received_on_idx" ON "reimbursement_cases" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "reimbursement_cases_person_id_idx" ON "reimbursement_cases" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reimbursement_events_request_key_idx" ON "reimbursement_events" USING btree ("request_key");--> statement-breakpoint
CREATE INDEX "reimbursement_events_case_id_idx" ON "reimbursement_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "reimbursement_suspensions_case_id_idx" ON "reimbursement_suspensions" USING btree ("case_id");