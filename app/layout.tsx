import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
// Loaded as a stylesheet: the CSP refuses the <style> tag sonner would inject at run time.
import "sonner/dist/styles.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roster", template: "%s · Roster" },
  description: "Who may see and control your IoT fleet.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <NuqsAdapter>{children}</NuqsAdapter>
        {/* Top centre, clear of the bulk bar at the bottom; globals.css lets clicks through them. */}
        <Toaster position="top-center" richColors duration={6000} />
      </body>
    </html>
  );
}
