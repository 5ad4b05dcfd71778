export const DEMO_PASSWORD = "roster-demo-1";

/** The demo logins of the README, with the org each lands on. */
export const PERSONAS = [
  { email: "admin@acme.test", org: "Acme Heating" },
  { email: "staff@acme.test", org: "Acme Heating" },
  { email: "user@acme.test", org: "Acme Heating" },
  { email: "r@muller.test", org: "Muller Boiler Group" },
  { email: "w@muller.test", org: "Muller Boiler Group" },
  { email: "m@united.test", org: "Marsh Residence" },
  { email: "h@united.test", org: "Hill Cottage" },
  { email: "admin@globex.test", org: "Globex" },
  { email: "admin@initech.test", org: "Initech Climate" },
] as const;

export const storageStatePath = (email: string) => `e2e/.auth/${email.replace(/[^a-z0-9]/gi, "_")}.json`;
