-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "search_vector" tsvector;

-- Search in both languages: Russian stems ("возврата" → возврат) and English ones ("returns" → return). A trigger
-- rather than a generated column, which schema.prisma cannot describe; the same on PGlite and PostgreSQL.
CREATE FUNCTION "messages_search_vector_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_vector" := to_tsvector('russian', NEW."text") || to_tsvector('english', NEW."text");
  RETURN NEW;
END
$$;

CREATE TRIGGER "messages_search_vector_fill" BEFORE INSERT OR UPDATE OF "text" ON "messages"
  FOR EACH ROW EXECUTE FUNCTION "messages_search_vector_fill"();

UPDATE "messages" SET "search_vector" = to_tsvector('russian', "text") || to_tsvector('english', "text");

-- CreateIndex
CREATE INDEX "chats_order_number_idx" ON "chats"("order_number");

-- CreateIndex
CREATE INDEX "chats_posting_number_idx" ON "chats"("posting_number");

-- CreateIndex
CREATE INDEX "messages_search_vector_idx" ON "messages" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "messages_created_at_idx" ON "messages"("created_at" DESC);

-- CreateIndex
CREATE INDEX "messages_sku_idx" ON "messages"("sku");

-- CreateIndex
CREATE INDEX "messages_order_number_idx" ON "messages"("order_number");
