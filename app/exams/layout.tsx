import type { ReactNode } from "react";
import "./exams.css";

export default function ExamsLayout({ children }: { children: ReactNode }) {
  return children;
}
