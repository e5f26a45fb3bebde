#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on
# kubelab's machines. `prisma generate` only checks that this file exists;
# commands that would run it (prisma migrate, prisma db) end here instead.
echo "kubelab: the native Prisma schema engine is not installed." >&2
echo "Use 'npm run db:migrate' (see README, Database) or set PRISMA_SCHEMA_ENGINE_BINARY to a real engine." >&2
exit 1
