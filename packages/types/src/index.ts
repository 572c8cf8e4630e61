// Everything here is generated from spec/openapi.yaml: `paths`, `operations`, `components`, and an alias
// for each named schema (`Call`, `CallListResponse`, `CallStatus`, ...).
export type * from "./generated/openapi.js";
