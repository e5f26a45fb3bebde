"use client";
import { useState, type FormEvent } from "react";
import { authClient } from "../lib/auth-client";
import type { Messages } from "../lib/i18n";

/** Sign up (a guest's work moves to the new account) or sign in; or sign out. */
export function AccountForm({ t, signedIn }: { t: Messages; signedIn: boolean }) {
  const [mode, setMode] = useState<"up" | "in">("up");
  const [error, setError] = useState<string>();
  if (signedIn) {
    return (
      <button type="button" onClick={async () => (await authClient.signOut(), window.location.assign("/"))}>
        {t.signOut}
      </button>
    );
  }
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    const r = mode === "up" ? await authClient.signUp.email({ email, password, name: String(form.get("name") || email.split("@")[0]) }) : await authClient.signIn.email({ email, password });
    if (r.error) setError(r.error.message ?? r.error.statusText);
    else window.location.assign("/progress");
  };
  return (
    <form onSubmit={submit} className="account-form">
      <div role="tablist">
        <button type="button" role="tab" aria-selected={mode === "up"} onClick={() => setMode("up")}>
          {t.signUp}
        </button>
        <button type="button" role="tab" aria-selected={mode === "in"} onClick={() => setMode("in")}>
          {t.signIn}
        </button>
      </div>
      {mode === "up" ? (
        <label>
          {t.name}
          <input name="name" autoComplete="nickname" />
        </label>
      ) : null}
      <label>
        {t.email}
        <input name="email" type="email" required autoComplete="email" />
      </label>
      <label>
        {t.password}
        <input name="password" type="password" required minLength={8} autoComplete={mode === "up" ? "new-password" : "current-password"} />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" className="primary">
        {mode === "up" ? t.signUp : t.signIn}
      </button>
    </form>
  );
}
