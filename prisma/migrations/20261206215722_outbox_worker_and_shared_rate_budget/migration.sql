-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "client_id" TEXT;

-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "lease_owner" TEXT,
ADD COLUMN     "lease_until" TIMESTAMP(3),
ADD COLUMN     "next_attempt_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ozon_rate_budgets" (
    "client_id" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilled_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ozon_rate_budgets_pkey" PRIMARY KEY ("client_id")
);
