import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";

// The spec is plain parsed YAML; these are the parts the site reads.
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  examples?: unknown[];
}

export interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; examples?: Record<string, Example> }> };
  responses: Record<string, Response | { $ref: string }>;
}

export interface Example {
  summary?: string;
  value: unknown;
}

export interface Response {
  description: string;
  content?: Record<string, { schema: Schema; examples?: Record<string, Example> }>;
}

export interface Spec {
  info: { title: string; version: string; summary?: string; description?: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation | Parameter[]>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, Response>;
    securitySchemes: Record<string, { type: string; in: string; name: string; description?: string }>;
  };
}

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;

export interface OperationEntry {
  method: string;
  path: string;
  operation: Operation;
  parameters: Parameter[];
}

export function loadSpec(path = createRequire(import.meta.url).resolve("@sigmamind/spec/openapi.yaml")): Spec {
  return parse(readFileSync(path, "utf8")) as Spec;
}

/** Follows a local `$ref` such as `#/components/responses/NotFound`. */
export function resolveRef<T>(spec: Spec, node: T | { $ref: string }): T {
  if (node && typeof node === "object" && "$ref" in node && typeof node.$ref === "string") {
    const path = node.$ref.replace(/^#\//, "").split("/");
    return resolveRef(spec, path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], spec) as T);
  }
  return node as T;
}

/** Every operation in spec order, with path-level and operation-level parameters resolved. */
export function operationsOf(spec: Spec): OperationEntry[] {
  return Object.entries(spec.paths).flatMap(([path, item]) => {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    return HTTP_METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] as Operation;
      const parameters = [...shared, ...(operation.parameters ?? [])].map((parameter) => resolveRef(spec, parameter));
      return { method: method.toUpperCase(), path, operation, parameters };
    });
  });
}
