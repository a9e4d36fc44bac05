/** Organizer console script (filled in by the console work). */
export {};
