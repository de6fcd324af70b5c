ALTER TABLE "list_batches" ADD COLUMN "undo" jsonb;--> statement-breakpoint
ALTER TABLE "list_batches" ADD COLUMN "reverted_by" uuid;--> statement-breakpoint
ALTER TABLE "list_batches" ADD COLUMN "reverted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "list_batches" ADD CONSTRAINT "list_batches_reverted_by_users_id_fk" FOREIGN KEY ("reverted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;