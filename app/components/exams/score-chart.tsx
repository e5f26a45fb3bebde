/**
 * The scores of past timed attempts of an exam, oldest to newest, as an SVG line with
 * the pass mark drawn across. Server-rendered; the numbers are also in the table beside it.
 */
export function ScoreChart({ points, passMark, label }: { points: readonly { at: Date; total: number }[]; passMark: number; label: string }) {
  const width = 360;
  const height = 140;
  const pad = 24;
  const x = (i: number) => pad + (points.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (points.length - 1));
  const y = (score: number) => height - pad - (score / 100) * (height - 2 * pad);
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`).join(" ");
  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${points.map((p) => `${p.total}%`).join(", ")}`}>
        <line x1={pad} x2={width - pad} y1={y(passMark)} y2={y(passMark)} className="pass-line" />
        <text x={width - pad} y={y(passMark) - 4} textAnchor="end" className="pass-label">
          {passMark}%
        </text>
        <line x1={pad} x2={pad} y1={y(0)} y2={y(100)} className="axis" />
        <line x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} className="axis" />
        <path d={line} className="score-line" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.total)} r={4} className={p.total >= passMark ? "score-pass" : "score-fail"}>
            <title>{`${p.at.toISOString().slice(0, 16).replace("T", " ")} UTC: ${p.total}%`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
