import { Fragment, type ReactNode } from "react";

/** A message with `code` spans, as the exam pages' rules are written. */
export function InlineCode({ text }: { text: string }): ReactNode {
  return text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith("`") && part.endsWith("`") ? <code key={i}>{part.slice(1, -1)}</code> : <Fragment key={i}>{part}</Fragment>));
}
