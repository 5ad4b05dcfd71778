import { ROLE_LABELS } from "@/lib/policy";

const ORG_TYPE_LABELS: Record<string, string> = {
  root: "Root organization",
  client: "Client",
  distributor: "Distributor",
  reseller: "Reseller",
  contractor: "Contractor",
  installer: "Installer",
};

export function roleLabel(key: string): string {
  return (ROLE_LABELS as Record<string, string>)[key] ?? key;
}

export function orgTypeLabel(type: string): string {
  return ORG_TYPE_LABELS[type] ?? type;
}
