// What a method returns: a promise of the data, as before, which can also give the HTTP response behind it,
// as users of Stainless SDKs expect: `.withResponse()` for the data, the response and its request id, and
// `.asResponse()` for the response with its body still to read. Either way there is one request.
import { responseWithBody } from "../internal/response-with-body.js";

/** A success as the client read it: the data, the response (its body read), and the body's text. */
export interface Sent<T> {
  data: T;
  response: Response;
  /** The body as it came, for `.asResponse()`; undefined when there was none. */
  text: string | undefined;
}

/** What `.withResponse()` gives. */
export interface WithResponse<T> {
  data: T;
  /** The response, its body already read into `data`. */
  response: Response;
  /** The server's request id (`x-request-id` or `request-id`), when it sent one: quote it when asking for support. */
  requestId: string | undefined;
}

export class APIPromise<T> extends Promise<T> {
  #sent: Promise<Sent<T>> | (() => Promise<Sent<T>>);

  /**
   * `sent` is the request under way, or, for a listing, how to send it: then nothing is sent until the promise is
   * awaited or iterated (a listing of at most 0 items sends nothing).
   */
  constructor(sent: Promise<Sent<T>> | (() => Promise<Sent<T>>)) {
    // The promise itself settles with nothing: then, catch and finally read `sent`, so a failure surfaces once,
    // where it is awaited, and never as an unhandled rejection of a promise nobody holds.
    super((resolve) => resolve(undefined as T));
    this.#sent = sent;
  }

  /** The request's outcome, sending it first if it has not been. */
  protected sent(): Promise<Sent<T>> {
    if (typeof this.#sent === "function") this.#sent = this.#sent();
    return this.#sent;
  }

  /** The data with the response it came in and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.sent().then((sent) => withResponseOf(sent, sent.data));
  }

  /** The response, with its body (as the API sent it) still to read. */
  asResponse(): Promise<Response> {
    return this.sent().then(unreadResponseOf);
  }

  // biome-ignore lint/suspicious/noThenProperty: a promise's then, reading the data
  override then<Result = T, Failure = never>(
    onFulfilled?: ((data: T) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure> {
    // One step from the outcome to the caller's callbacks: a rejection goes to `onRejected`, and what
    // `onFulfilled` throws does not.
    return this.sent().then(
      typeof onFulfilled === "function" ? ({ data }) => onFulfilled(data) : ({ data }) => data as unknown as Result,
      onRejected,
    );
  }

  override catch<Failure = never>(onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null) {
    return this.then(undefined, onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  // Promise's own methods build their results with this class's constructor; they must build plain promises.
  static override get [Symbol.species]() {
    return Promise;
  }
}

/** What `.withResponse()` gives for `sent`, with `data` as the caller sees it (a list gives its page object). */
export function withResponseOf<T>({ response }: Sent<unknown>, data: T): WithResponse<T> {
  return { data, response, requestId: requestIdOf(response.headers) };
}

/** What `.asResponse()` gives for `sent`: its response again, the body as the API sent it still to read. */
export function unreadResponseOf({ response, text }: Sent<unknown>): Response {
  return responseWithBody(response, text);
}

export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}
