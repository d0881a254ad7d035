// The entry of an extraction worker thread. Node 20 does not apply the parent's `--import tsx`
// to a worker's entry, so the worker registers tsx itself, then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
