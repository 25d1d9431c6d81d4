-- Product questions and reviews as chat rows of their own kind (docs/questions-and-reviews.md): the product's SKU and
-- picture, rating, photos and Ozon status on the row (the name in product_name, as chats have it), Ozon's id of a
-- message's item, the reviews subscription refusal, the product cache.
-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "feedback_replies" INTEGER,
ADD COLUMN     "feedback_status" TEXT,
ADD COLUMN     "photos" JSONB,
ADD COLUMN     "product_image_url" TEXT,
ADD COLUMN     "rating" INTEGER,
ADD COLUMN     "sku" TEXT;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "ozon_item_id" TEXT;

-- AlterTable
ALTER TABLE "sync_states" ADD COLUMN     "reviews_refused_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ozon_products" (
    "account_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "image_url" TEXT,
    "fetched_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ozon_products_pkey" PRIMARY KEY ("account_id","sku")
);

-- AddForeignKey
ALTER TABLE "ozon_products" ADD CONSTRAINT "ozon_products_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
