// `@sigmamind/mcp` as a library: the server, to connect to a transport of your own (the bin uses stdio).
export { createSigmaMindServer, type SigmaMindServerOptions } from "./server.js";
