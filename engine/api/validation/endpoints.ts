/** Validation of Endpoints and EndpointSlices: their names are DNS subdomains. */
import type { StatusCause } from "../errors";
import { validateObjectMeta } from "./metadata";

type Obj = Record<string, unknown>;

export function validateEndpoints(ep: Obj): StatusCause[] {
  return validateObjectMeta(ep.metadata as Obj, "subdomain");
}

export function validateEndpointSlice(slice: Obj): StatusCause[] {
  return validateObjectMeta(slice.metadata as Obj, "subdomain");
}
