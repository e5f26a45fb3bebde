/**
 * "Run in terminal" buttons and the terminal meet through one window event, so the
 * lesson's prose and the terminal stay separate components.
 */
const RUN = "kubelab:run";
const RAN = "kubelab:ran";

export function runInTerminal(text: string): void {
  window.dispatchEvent(new CustomEvent<string>(RUN, { detail: text }));
}

export function onRunRequest(handler: (text: string) => void): () => void {
  const listener = (e: Event) => handler((e as CustomEvent<string>).detail);
  window.addEventListener(RUN, listener);
  return () => window.removeEventListener(RUN, listener);
}

/** The terminal finished a command: panels that show the cluster refresh. */
export function commandFinished(): void {
  window.dispatchEvent(new Event(RAN));
}

export function onCommandFinished(handler: () => void): () => void {
  window.addEventListener(RAN, handler);
  return () => window.removeEventListener(RAN, handler);
}
