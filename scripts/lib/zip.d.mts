// Types for zip.mjs.
/** A zip holding one file `name` with `text` (stored with deflate). */
export declare function zipOf(name: string, text: string): Uint8Array;
