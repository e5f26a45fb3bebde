import { anonymousClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** The browser's side of better-auth (same origin as the app). */
export const authClient = createAuthClient({ plugins: [anonymousClient()] });
