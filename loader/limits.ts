// How much a description may ask of the reader.
export const MAX_BYTES = 4 * 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_ALIASES = 100;
