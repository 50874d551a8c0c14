/** The order of the nodes' dropdowns and lists: by the name the user reads. */
export const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
