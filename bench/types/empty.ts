// Deliberately empty: the fixed cost of `tsc --noEmit` (lib files, @types) that consumer.ts is measured against.
export {};
