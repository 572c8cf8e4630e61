// What the client itself reads of a success body, checked on every response whether or not validateResponses
// is on: a list whose `data` is not an array of objects would otherwise yield the letters of a string as calls,
// or fail with a TypeError far from its cause.

import { kindOf } from "../internal/check-inputs.js";
import type { Operation } from "./operation.js";
import type { ResponseViolation } from "./response-validation.js";

type ShapeCheck = (body: unknown) => ResponseViolation | undefined;

const SHAPES: Partial<Record<Operation["returns"], ShapeCheck>> = {
  page: (body) => {
    if (!isObject(body)) return { path: "", problem: `must be an object (got ${kindOf(body)})` };
    if (!Array.isArray(body.data)) return { path: "data", problem: `must be an array (got ${kindOf(body.data)})` };
    const index = body.data.findIndex((item) => !isObject(item));
    if (index !== -1) return { path: `data[${index}]`, problem: `must be an object (got ${kindOf(body.data[index])})` };
    if (typeof body.hasNext !== "boolean") {
      return { path: "hasNext", problem: `must be a boolean (got ${kindOf(body.hasNext)})` };
    }
    // Paging reads these as numbers when they are there; a string or an object would make it guess.
    for (const name of ["page", "size", "totalCounts", "totalPages"]) {
      const value = body[name];
      if (value !== undefined && !Number.isFinite(value)) {
        return { path: name, problem: `must be a number (got ${kindOf(value)})` };
      }
    }
    return undefined;
  },
  object: objectBody,
};

/** Where `body` is not the shape the client reads for an operation that `returns` it; undefined when it is. */
export function findShapeViolation(returns: Operation["returns"], body: unknown): ResponseViolation | undefined {
  return SHAPES[returns]?.(body);
}

function objectBody(body: unknown): ResponseViolation | undefined {
  return isObject(body) ? undefined : { path: "", problem: `must be an object (got ${kindOf(body)})` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
