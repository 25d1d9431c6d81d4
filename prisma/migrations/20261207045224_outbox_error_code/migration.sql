-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "last_error_code" TEXT,
ADD COLUMN     "last_error_params" JSONB;
