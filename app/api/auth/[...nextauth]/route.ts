// GET/POST /api/auth/* — Auth.js endpoints (session, csrf, sign-out, credentials callback).
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
