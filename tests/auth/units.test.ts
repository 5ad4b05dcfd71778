import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ARGON2_PARAMS, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { contentSecurityPolicy, SONNER_STYLE_HASHES } from "@/lib/security/csp";
import { normalizeEmail, emailSchema } from "@/lib/users/email";

describe("password hashing", () => {
  it("uses argon2id at the ASVS minimum or stronger", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2_PARAMS.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "Correct horse battery")).toBe(false);
    expect(await verifyPassword(null, "correct horse battery")).toBe(false);
  });

  it("accepts long passwords without truncation", async () => {
    const long = "a".repeat(128);
    const stored = await hashPassword(long);
    expect(await verifyPassword(stored, long)).toBe(true);
    expect(await verifyPassword(stored, "a".repeat(127))).toBe(false);
  });

  it("flags weaker hashes for re-hashing", () => {
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$abc$def")).toBe(true);
    expect(needsRehash("$argon2id$v=19$m=19456,t=2,p=1$abc$def")).toBe(false);
    expect(needsRehash("$2b$10$bcrypt")).toBe(true);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/o/abc/users?x=1", "/o/abc/users?x=1"],
    ["https://evil.example", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("email normalisation", () => {
  it("trims and lower-cases before validating", () => {
    expect(normalizeEmail("  Admin@Acme.TEST ")).toBe("admin@acme.test");
    expect(emailSchema.parse("Admin@Acme.test ")).toBe("admin@acme.test");
  });
  it("refuses a full-width at sign", () => {
    expect(emailSchema.safeParse("admin＠acme.test").success).toBe(false);
  });
});

describe("content security policy", () => {
  it("uses the nonce and forbids plugins, base tags and framing", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("allows by hash exactly the stylesheet the installed sonner injects, and no inline style else", () => {
    const bundle = readFileSync("node_modules/sonner/dist/index.mjs", "utf8");
    const injected = bundle.match(/\n__insertCSS\((".*")\);\n/);
    expect(injected, "sonner no longer injects its CSS this way: revisit SONNER_STYLE_HASHES").not.toBeNull();
    const hash = (css: string) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
    // The <style> is appended empty, then filled: the browser checks both contents.
    expect(SONNER_STYLE_HASHES).toEqual([hash(""), hash(JSON.parse(injected![1]!) as string)]);
    const styleSrc = contentSecurityPolicy("abc123", { dev: false, https: true }).split("; ").find((d) => d.startsWith("style-src "));
    expect(styleSrc).toBe(`style-src 'self' 'nonce-abc123' ${SONNER_STYLE_HASHES.join(" ")}`);
  });
});
