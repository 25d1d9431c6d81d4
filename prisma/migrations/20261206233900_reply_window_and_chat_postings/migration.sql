-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "last_buyer_message_at" TIMESTAMP(3),
ADD COLUMN     "postings_checked_at" TIMESTAMP(3),
ADD COLUMN     "reply_closed_reason" TEXT,
ADD COLUMN     "reply_refused_at" TIMESTAMP(3),
ADD COLUMN     "reply_until" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "seller_accounts" ADD COLUMN     "ozon_clock_offset_seconds" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "chat_postings" (
    "chat_id" TEXT NOT NULL,
    "posting_number" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "order_number" TEXT,
    "scheme" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "substatus" TEXT,
    "paid_at" TIMESTAMP(3),
    "shipment_date" TIMESTAMP(3),
    "delivering_at" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3),
    "products" JSONB NOT NULL,
    "fetched_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chat_postings_pkey" PRIMARY KEY ("chat_id","posting_number")
);

-- CreateIndex
CREATE INDEX "chat_postings_account_id_posting_number_idx" ON "chat_postings"("account_id", "posting_number");

-- CreateIndex
CREATE INDEX "chats_account_id_reply_until_idx" ON "chats"("account_id", "reply_until");

-- AddForeignKey
ALTER TABLE "chat_postings" ADD CONSTRAINT "chat_postings_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: when the buyer last wrote, for chats cached before this column existed.
UPDATE "chats" AS c SET "last_buyer_message_at" = m.at
  FROM (SELECT "chat_id", max("created_at") AS at FROM "messages" WHERE "author_type" = 'customer' GROUP BY "chat_id") AS m
 WHERE m."chat_id" = c."id";
