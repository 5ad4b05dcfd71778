// Fails when an installed framework package is below the floor of security.md ("Version
// floors", B7): npm audit does not answer on these machines, so the floors are kept by hand.
import fs from "node:fs";

const FLOORS = {
  next: "16.3.3",
  react: "19.2.6",
  "react-dom": "19.2.6",
  "next-auth": "5.0.0-beta.32",
  nodemailer: "8.0.5",
};

function parse(version) {
  const [core, pre] = version.split("-");
  const parts = core.split(".").map(Number);
  const preNumber = pre ? Number(pre.split(".").pop()) : Infinity;
  return [...parts, preNumber];
}

function atLeast(actual, floor) {
  const a = parse(actual);
  const f = parse(floor);
  for (let i = 0; i < f.length; i++) {
    if ((a[i] ?? 0) > f[i]) return true;
    if ((a[i] ?? 0) < f[i]) return false;
  }
  return true;
}

let failed = false;
for (const [name, floor] of Object.entries(FLOORS)) {
  const { version } = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8"));
  const ok = atLeast(version, floor);
  if (!ok) failed = true;
  console.log(`${ok ? "ok  " : "FAIL"} ${name} ${version} (floor ${floor})`);
}
process.exit(failed ? 1 : 0);
