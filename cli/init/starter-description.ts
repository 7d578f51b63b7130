// The description `init` writes: a small client-credentials API the embedded reference server
// serves, so `generate` and `contract` pass the moment it is written. Edit it into your own API.

/** Where the installed package keeps the format schema, from the consumer's project root. */
export const INSTALLED_SCHEMA = 'node_modules/oauth-contract-kit/spec/format.schema.json';

/** The first line of a description `init` writes, naming the format schema for editor completion. */
export function schemaLine(schemaFromHere: string): string {
  return `# yaml-language-server: $schema=${schemaFromHere}\n`;
}

/** `schemaFromHere` is the path of the format schema relative to the description's folder. */
export function starterDescription(schemaFromHere: string): string {
  return `${schemaLine(schemaFromHere)}# A starter description written by \`oauth-contract-kit init\`: an invented API with OAuth 2.0
# client credentials (RFC 6749 section 4.4). It loads as written and its contract passes against
# the embedded reference server (\`npx oauth-contract-kit contract\`). Replace it, part by part,
# with your API; every key is described in node_modules/oauth-contract-kit/docs/format.md.
format: 1

info:
  # Names every generated file (<id>.postman_collection.json, ...).
  id: my-api
  name: My API
  version: v1
  # The settings the contract run and \`token\` read: MY_API_BASE_URL, MY_API_CLIENT_ID, ...
  envPrefix: MY_API
  description: |
    Read-only access to widgets. Authentication: OAuth 2.0 client credentials, \`POST /oauth2/token\`
    with HTTP Basic; the answer is a bearer token valid for 15 minutes.

# Where the API runs. The first is the default; the contract run picks the one whose base URL
# matches MY_API_BASE_URL, and the embedded server stands in for "local" when none is set.
environments:
  - id: production
    name: My API Production
    baseUrl: https://api.example.com
  - id: local
    name: My API Local reference server
    baseUrl: http://127.0.0.1:4010
    # Public demo values, valid only on a local reference server.
    values:
      clientId: demo-client

# The token request and what it answers.
auth:
  flow: client_credentials
  method: POST
  path: /oauth2/token
  # basic: HTTP Basic client_id:client_secret; post: both in the form body.
  clientAuthentication: basic
  body: form
  scope: widgets:read
  tokenPrefix: Bearer
  lifetimeSeconds: 900
  refreshToken: false
  # The contract run paces itself to this against a real API.
  rateLimit:
    requests: 10
    perSeconds: 60
    per: [ip]
  response:
    schema: { $ref: "#/schemas/TokenResponse" }

resources:
  - id: widgets
    name: Widgets
    basePath: /v1/widgets
    description: The caller's widgets.
    endpoints:
      - id: listWidgets
        name: List widgets
        method: GET
        path: ""
        description: Returns a page of widgets; no match is a \`200\` with an empty list.
        list: { items: widgets, total: total, limit: limit, offset: offset }
        query:
          - { name: limit, type: integer, minimum: 1, maximum: 100, default: 20, example: 20, description: Number of widgets to return. }
          - { name: offset, type: integer, minimum: 0, default: 0, example: 0, description: Number of widgets to skip. }
        responses:
          - status: 200
            description: A page of widgets; \`total\` counts all of them.
            schema: { $ref: "#/schemas/WidgetList" }
        # The contract run keeps the first widget's id for the requests that need one.
        capture:
          widgetId: widgets[0].id
      - id: getWidget
        name: Get widget
        method: GET
        path: /{id}
        description: Returns one widget, or \`404\`.
        item: { key: id }
        pathParams:
          - name: id
            type: string
            description: The widget id (the contract run takes it from List widgets).
            example: "{{widgetId}}"
        requires: [widgetId]
        responses:
          - status: 200
            description: The widget.
            schema: { $ref: "#/schemas/Widget" }
          - status: 404
            description: No such widget.

# JSON Schemas (draft-07) for the answers; leave objects open so an added field does not fail.
schemas:
  TokenResponse:
    type: object
    required: [access_token, token_type, expires_in]
    properties:
      access_token: { type: string, minLength: 1 }
      token_type: { type: string }
      expires_in: { type: integer, minimum: 1 }
  Widget:
    type: object
    required: [id, name]
    properties:
      id: { type: string }
      name: { type: string }
      createdAt: { type: string, format: date-time }
  WidgetList:
    type: object
    required: [widgets, total]
    properties:
      widgets: { type: array, items: { $ref: "#/schemas/Widget" } }
      total: { type: integer, minimum: 0 }

# Checks beyond each endpoint's documented answer.
contract:
  responseTimeMs: 5000
  cases:
    - id: tokenWrongSecret
      name: Token refused for a wrong client secret
      token: { credentials: wrong-secret }
      expect: { status: 401, json: true }
      basis: RFC 6749 section 5.2
    - id: widgetsWithoutBearer
      name: List widgets refused without a bearer token
      endpoint: listWidgets
      auth: none
      expect: { status: 401, json: true }
      basis: RFC 6750 section 3
    - id: widgetsLimitOne
      name: List widgets with limit=1 returns at most one widget and a consistent total
      endpoint: listWidgets
      query: { limit: 1 }
      expect: { status: 200, schema: true, page: { items: widgets, total: total, limit: 1 } }
    - id: unknownWidget
      name: Get widget answers 404 for an unknown id
      endpoint: getWidget
      pathParams: { id: no-such-widget }
      expect: { status: 404, json: true }
`;
}
