// How the API describes a page, from its number, its size and how many items there are in all: the one
// formula the store's listing and the list-response factory share.
import type { CallListResponse } from "@sigmamind/types";

export type PageDescription = Omit<CallListResponse, "data">;

export function describePage(page: number, size: number, totalCounts: number): PageDescription {
  return {
    page,
    size,
    totalCounts,
    totalPages: Math.ceil(totalCounts / size),
    hasNext: (page + 1) * size < totalCounts,
    hasPrevious: page > 0,
  };
}
