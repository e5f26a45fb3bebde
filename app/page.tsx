// The home page. Chapters are listed here until the lessons loader serves them.
const CHAPTERS = [
  { id: "pods", title: "Pods" },
  { id: "multi-container", title: "Multi-container Pods" },
  { id: "lifecycle", title: "Pod lifecycle" },
  { id: "probes", title: "Probes" },
  { id: "resources", title: "Resources" },
  { id: "scheduling", title: "Scheduling" },
] as const;

export default function HomePage() {
  return (
    <main>
      <h1>kubelab</h1>
      <p className="tagline">Learn Kubernetes Pods by doing · 쿠버네티스 파드를 직접 해 보며 배우기</p>
      <p>
        Each lesson, in Korean and English, sits beside a terminal where you type real <code>kubectl</code> against
        your own simulated cluster. An auto-grader checks the cluster you built and tells you what is still wrong,
        and timed CKA mock exams let you practise under exam conditions.
      </p>
      <h2>Chapters</h2>
      <ol className="chapters">
        {CHAPTERS.map((chapter) => (
          <li key={chapter.id}>
            <span>{chapter.title}</span>
            <span className="soon">coming soon</span>
          </li>
        ))}
      </ol>
    </main>
  );
}
