"use server";
// Sign-up and self-registration: anyone may call these. The start answers the same for every
// address; the emails are prepared once the answer has gone (lib/signup/prepare.ts).
import { after } from "next/server";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { kickOutbox } from "@/lib/mail/deliver";
import { finishSignup } from "@/lib/signup/commands/finish";
import { joinSchema, requestJoin, requestSignup, signupSchema } from "@/lib/signup/commands/request";
import { prepareSignupRequests } from "@/lib/signup/prepare";
import { signupTokenSchema } from "@/lib/signup/schemas";

const prepareAfterAnswer = () =>
  after(async () => {
    await prepareSignupRequests(await getDb());
    kickOutbox(getDb);
  });

export const requestSignupAction = publicAction(signupSchema, async (db, input, meta) => {
  prepareAfterAnswer();
  await requestSignup(db, input, meta);
});

export const requestJoinAction = publicAction(joinSchema, async (db, input, meta) => {
  prepareAfterAnswer();
  await requestJoin(db, input, meta);
});

/** Finishes the sign-up and logs the person in, under the session the command opened. */
export const finishSignupAction = publicAction(signupTokenSchema, async (db, input, meta) => {
  const userAgent = (await headers()).get("user-agent");
  const { orgId, claims } = await finishSignup(db, input, { ip: meta.ip, userAgent });
  await setSessionCookie(claims);
  return { orgId };
});
