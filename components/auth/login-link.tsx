import Link from "next/link";

/** The way back to the login page under a sign-up form. */
export function LoginLink() {
  return (
    <p className="mt-4 text-center text-sm text-slate-600">
      Already have an account?{" "}
      <Link href="/login" className="text-brand-700 underline underline-offset-2">
        Log in
      </Link>
    </p>
  );
}
