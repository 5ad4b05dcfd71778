import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { CspClient } from "@/components/security/csp-client";
import { parseTheme, THEME_COOKIE } from "@/lib/theme/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roster", template: "%s · Roster" },
  description: "Who may see and control your IoT fleet.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    // "system" sets no attribute: globals.css then follows prefers-color-scheme.
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-screen font-sans">
        <CspClient />
        <NuqsAdapter>{children}</NuqsAdapter>
        {/* Top centre, clear of the bulk bar at the bottom; globals.css lets clicks through them. */}
        <Toaster position="top-center" richColors duration={6000} theme={theme} />
      </body>
    </html>
  );
}
