-- Each user's choices of team notifications, kept by the server so they follow the user to every tab and device
-- (until now each browser kept its own). No row: the defaults (lib/team/get-notify-settings.ts).
-- CreateTable
CREATE TABLE "notify_settings" (
    "user_id" TEXT NOT NULL,
    "own_chats" BOOLEAN NOT NULL,
    "pool" BOOLEAN NOT NULL,
    "sound" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notify_settings_pkey" PRIMARY KEY ("user_id")
);

-- AddForeignKey
ALTER TABLE "notify_settings" ADD CONSTRAINT "notify_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
