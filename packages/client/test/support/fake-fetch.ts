/** A fetch double that answers from a handler and records every request it was given. */
export function fakeFetch(handler: (request: Request) => Response | Promise<Response> = () => json(200, {})) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return handler(request);
  };
  return { fetch, requests };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export const emptyPage = {
  data: [],
  page: 0,
  size: 10,
  totalCounts: 0,
  totalPages: 0,
  hasNext: false,
  hasPrevious: false,
};
