// The `format` names every client's schema validator knows: ajv-formats' that Postman's (Ajv 6 in
// newman's sandbox) also knows. Ajv 6 refuses a schema naming any other one ("unknown format ...
// is used in schema"), OpenAPI's `int32`, `int64`, `float`, `double`, `byte`, `binary` and
// `password` among them, which fails a correct answer: measured with newman on the SumUp and
// Scalar Galaxy fixtures (tests/importer/import.e2e.test.ts) and tests/contract/openapi-formats.e2e.test.ts.
// The importer keeps only these; the clients' schema checks drop the others (generators/shared/client-schema.ts).

export const CLIENT_FORMATS: ReadonlySet<string> = new Set([
  'date',
  'time',
  'date-time',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
]);
