-- CreateTable
CREATE TABLE "chat_presence" (
    "chat_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "viewing_until" TIMESTAMP(3) NOT NULL,
    "typing_until" TIMESTAMP(3),

    CONSTRAINT "chat_presence_pkey" PRIMARY KEY ("chat_id","user_id")
);

-- AddForeignKey
ALTER TABLE "chat_presence" ADD CONSTRAINT "chat_presence_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_presence" ADD CONSTRAINT "chat_presence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
