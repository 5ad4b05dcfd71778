// A location as the pickers and filters offer it (lib/locations/usable.ts UsableLocation).
export type LocationOption = { id: string; name: string; inherited?: boolean; orgName?: string | null };

/** "Inherited from Acme Heating", or just "Inherited" when the owning org is above the viewer's reach. */
export const inheritedLabel = (l: LocationOption): string => (l.orgName ? `Inherited from ${l.orgName}` : "Inherited");

/** How a location reads in a select's option. */
export const optionLabel = (l: LocationOption): string => (l.inherited ? `${l.name} (${inheritedLabel(l)})` : l.name);
