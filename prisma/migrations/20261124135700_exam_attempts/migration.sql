-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ExamAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "examId" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'exam',
    "seed" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATETIME,
    "submittedAt" DATETIME,
    "endedBy" TEXT,
    "state" JSONB,
    "scores" JSONB,
    "total" REAL,
    "passed" BOOLEAN,
    CONSTRAINT "ExamAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExamAttempt" ("deadline", "examId", "id", "scores", "startedAt", "submittedAt", "userId") SELECT "deadline", "examId", "id", "scores", "startedAt", "submittedAt", "userId" FROM "ExamAttempt";
DROP TABLE "ExamAttempt";
ALTER TABLE "new_ExamAttempt" RENAME TO "ExamAttempt";
CREATE INDEX "ExamAttempt_userId_examId_idx" ON "ExamAttempt"("userId", "examId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
