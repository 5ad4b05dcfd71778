"use client";

import { setNonce } from "get-nonce";
import { z } from "zod";

// Client libraries that would otherwise trip the CSP on every page, set up once in the browser.
if (typeof document !== "undefined") {
  // Radix's scroll lock (menus, dialogs) writes a <style> through react-style-singleton, which
  // takes its nonce from get-nonce: hand it this page's nonce, read from Next's own scripts (the
  // browser hides the attribute, not the property).
  const nonce = Array.from(document.scripts).find((script) => script.nonce)?.nonce;
  if (nonce) setNonce(nonce);
  // zod probes `new Function("")` to pick a faster parser; the CSP refuses it and logs a violation.
  z.config({ jitless: true });
}

/** Rendered once in the root layout so the set-up above runs on every page. */
export function CspClient() {
  return null;
}
