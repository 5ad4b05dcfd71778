/**
 * sonner (the toasts) writes its stylesheet into a <style> it appends at import, with no way to
 * give it a nonce: first empty, then filled. The policy allows exactly those two contents by hash,
 * so the page keeps refusing every other inline style. tests/auth/units.test.ts recomputes them
 * from the installed sonner, so an upgrade that changes its CSS fails there, not in the browser.
 */
export const SONNER_STYLE_HASHES = ["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", "'sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY='"];

/** The Content-Security-Policy of every HTML response, with a per-request nonce (security.md G1). */
export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonce'd Next.js bootstrap load its chunks; dev needs eval for HMR.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Dev keeps 'unsafe-inline' for Next's injected styles: any hash or nonce would switch it off.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}' ${SONNER_STYLE_HASHES.join(" ")}`}`,
    // Positioning libraries (Radix) set style attributes; attributes cannot run script.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS only makes sense, and is only sent, over TLS (security.md G2). */
export const HSTS = "max-age=63072000; includeSubDomains";
