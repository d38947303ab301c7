// Types for ports.mjs.
export declare function freePort(): Promise<number>;
export declare function isPortFree(port: number): Promise<boolean>;
