/**
 * A guest who signs up (or signs in to an existing account) keeps what they did as a
 * guest: clusters, progress, attempts. Where the account already has its own record for
 * the same lesson, exercise or exam, the account's stays and the guest's goes with the guest.
 */
import type { Db } from "./db";

export async function moveGuestWork(db: Db, guestId: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const keys = new Set((await tx.workspace.findMany({ where: { userId }, select: { key: true } })).map((w) => w.key));
    await tx.workspace.updateMany({ where: { userId: guestId, key: { notIn: [...keys] } }, data: { userId } });

    const lessons = new Set((await tx.lessonProgress.findMany({ where: { userId }, select: { lessonId: true } })).map((p) => p.lessonId));
    await tx.lessonProgress.updateMany({ where: { userId: guestId, lessonId: { notIn: [...lessons] } }, data: { userId } });

    const exercises = new Set((await tx.exerciseProgress.findMany({ where: { userId }, select: { exerciseId: true } })).map((p) => p.exerciseId));
    await tx.exerciseProgress.updateMany({ where: { userId: guestId, exerciseId: { notIn: [...exercises] } }, data: { userId } });

    await tx.exerciseAttempt.updateMany({ where: { userId: guestId }, data: { userId } });
    await tx.examAttempt.updateMany({ where: { userId: guestId }, data: { userId } });
  });
}
