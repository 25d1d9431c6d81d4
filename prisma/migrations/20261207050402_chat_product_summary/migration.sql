-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "product_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "product_name" TEXT;

-- The chats whose postings are already cached: their rows show the order's products at once.
UPDATE "chats" c
   SET "product_name" = s.first_name, "product_count" = s.total
  FROM (
    SELECT p."chat_id",
           (array_agg(p."products" -> 0 ->> 'name' ORDER BY p."posting_number"))[1] AS first_name,
           sum(jsonb_array_length(p."products"))::int AS total
      FROM "chat_postings" p
     WHERE jsonb_typeof(p."products") = 'array'
     GROUP BY p."chat_id"
  ) s
 WHERE c."id" = s."chat_id";
