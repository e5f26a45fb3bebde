-- CreateTable
CREATE TABLE "TerminalReply" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TerminalReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TerminalReply_createdAt_idx" ON "TerminalReply"("createdAt");
