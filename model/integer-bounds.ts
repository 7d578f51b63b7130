// The range of an integer parameter whose description gives no bound of its own: a 32-bit signed integer.
// The reference server refuses a value outside it (400), and the OpenAPI export says so.

export const INTEGER_MINIMUM = -(2 ** 31);
export const INTEGER_MAXIMUM = 2 ** 31 - 1;
