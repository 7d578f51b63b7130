// How much a description may ask of the reader.
export const MAX_BYTES = 4 * 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_ALIASES = 100;
/**
 * How large the data may be once its aliases are copied out, counted as one per value plus the
 * characters of every string and key. A file without aliases never comes near it; the count keeps a
 * string aliased thousands of times (gigabytes for the generators to write) from getting through.
 */
export const MAX_EXPANDED = 2 * MAX_BYTES;

export const EXPANDED_TOO_LARGE = `aliases expand the description to more than ${MAX_EXPANDED} characters (an alias bomb?); write the values out`;
