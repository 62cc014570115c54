// What the pipeline's stages read of a request, whichever server carries it: a web Request is one as it is,
// and the node:http adapter builds one without copying the headers.

/** RequestHead is a request's method, absolute URL and headers (a web Request satisfies it). */
export interface RequestHead {
  method: string;
  url: string;
  headers: { get(name: string): string | null };
}
