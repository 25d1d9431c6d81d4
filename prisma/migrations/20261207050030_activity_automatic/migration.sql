-- An automatic assignment says so (lib/team/auto-assign-chats.ts), in the trail and the assignee's notice.
ALTER TABLE "chat_activities" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false;

-- Until now only the automatic assigner recorded an assignment without an actor.
UPDATE "chat_activities" SET "automatic" = true WHERE "kind" = 'assigned' AND "actor_id" IS NULL;
