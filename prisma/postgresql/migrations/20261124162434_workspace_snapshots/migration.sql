-- CreateTable
CREATE TABLE "WorkspaceSnapshot" (
    "workspaceId" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "WorkspaceSnapshot_pkey" PRIMARY KEY ("workspaceId")
);

-- Every saved snapshot moves to the new table before its column goes
INSERT INTO "WorkspaceSnapshot" ("workspaceId", "snapshot") SELECT "id", "snapshot" FROM "Workspace";

-- AlterTable
ALTER TABLE "Workspace" DROP COLUMN "snapshot",
ADD COLUMN     "shell" JSONB;

-- AddForeignKey
ALTER TABLE "WorkspaceSnapshot" ADD CONSTRAINT "WorkspaceSnapshot_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
