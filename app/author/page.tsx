import Link from "next/link";
import { AuthorStudio } from "../components/author-studio";
import { viewer } from "../lib/auth";
import { chapters } from "../lib/course";
import { messages } from "../lib/i18n";
import { currentLocale } from "../lib/locale";

export const dynamic = "force-dynamic";

const STARTER = `---
title: 새 레슨
minutes: 10
---

레슨 본문을 여기에 씁니다. lessons/README.md의 안내를 따르세요.

\`\`\`exercise
id: draft-first-pod
title: 첫 Pod
solution: |
  kubectl run web --image=nginx:1.27
  sleep 10
checks:
  - pod: {name: web}
    expect: {phase: Running, ready: true}
    message: web Pod가 실행 중이어야 합니다.
hints:
  - kubectl run
\`\`\`
`;

export default async function AuthorPage() {
  const locale = await currentLocale();
  const t = messages(locale);
  const who = await viewer();
  if (!who || who.role !== "teacher") {
    return (
      <main>
        <h1>/author</h1>
        <p>
          The lesson preview is for teachers. Sign in with a teacher account (<Link href="/account">{t.account}</Link>); an operator makes an account a teacher by
          listing its email in <code>KUBELAB_TEACHERS</code>.
        </p>
      </main>
    );
  }
  return <AuthorStudio t={t} chapters={chapters(locale).map((c) => c.id)} initial={STARTER} />;
}
