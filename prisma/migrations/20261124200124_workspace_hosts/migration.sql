-- CreateTable
CREATE TABLE "WorkspaceHost" (
    "workspaceId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "files" JSONB NOT NULL,

    PRIMARY KEY ("workspaceId", "host"),
    CONSTRAINT "WorkspaceHost_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
