import { AccountForm } from "../components/account-form";
import { viewer } from "../lib/auth";
import { messages } from "../lib/i18n";
import { currentLocale } from "../lib/locale";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const t = messages(await currentLocale());
  const who = await viewer();
  const signedIn = Boolean(who && !who.guest);
  return (
    <main>
      <h1>{t.account}</h1>
      {signedIn ? (
        <p>
          {t.signedInAs} {who?.email}
        </p>
      ) : (
        <p>{t.guestNote}</p>
      )}
      <AccountForm t={t} signedIn={signedIn} />
    </main>
  );
}
