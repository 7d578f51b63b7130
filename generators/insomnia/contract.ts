// The contract cases as Insomnia requests in a `Contract checks` folder, as the Postman and Bruno
// collections carry them: each with the same named checks (./checks.ts) in its after-response script.
import { findEndpoint, VARIABLES, type ApiModel, type ContractCase, type TokenCredentials } from '../../model/model.js';
import { stableId } from '../../model/ids.js';
import { tokenFormFields, tokenHeaders, FORM_CONTENT_TYPE } from '../../model/token-form.js';
import { endpointPath } from '../../model/urls.js';
import { caseChecks, pageTwoChecks } from '../shared/checks.js';
import { hasPageTwo, pageTwoName, pageTwoQuery, pageWalk, type PageWalk } from '../shared/page-walk.js';
import { pageOneStep, pageOneStore, pageTwoPrelude, pageTwoPrerequest } from '../shared/page-script.js';
import { jsLiteral } from '../shared/js-literal.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { UNSIGNED_TOKEN, WRONG_SECRET } from '../shared/contract-values.js';
import { givenQueryPairs } from '../shared/parameters.js';
import { urlComponent } from '../shared/url-component.js';
import { requestHeaders } from '../shared/request-headers.js';
import { bodyText } from '../shared/request-body.js';
import { jsonBody } from './body.js';
import { basicClientAuthentication, inheritAuthentication, type Authentication } from './auth.js';
import { afterResponseScript, INSOMNIA_SCRIPT_API, insomniaTests } from './checks.js';
import type { FolderNode, Header, RequestNode } from './nodes.js';
import { sortKey } from './ids.js';
import { pathParamVariable, tokenUrl, variable } from './template.js';

export const CONTRACT_FOLDER = 'Contract checks';
const ACCEPT_JSON: Header = { name: 'Accept', value: 'application/json' };

type CaseRequest = Pick<RequestNode, 'method' | 'url' | 'parameters' | 'headers' | 'body' | 'authentication'>;

/** The token call with the real client, a wrong secret, or no client at all. */
function tokenCase(model: ApiModel, credentials: TokenCredentials): CaseRequest {
  const { auth } = model;
  const secret = credentials === 'valid' ? variable(VARIABLES.clientSecret) : WRONG_SECRET;
  const client = credentials === 'none' ? undefined : { id: variable(VARIABLES.clientId), secret };
  const basic = auth.clientAuthentication === 'basic' && client;
  const fields = tokenFormFields(auth, client, variable);
  const headers = tokenHeaders(auth).map(([name, value]) => ({ name, value }));
  return {
    method: auth.method,
    url: tokenUrl(model),
    parameters: [],
    headers: [ACCEPT_JSON, ...headers.filter((h) => h.name.toLowerCase() !== 'accept')],
    ...(auth.body === 'form' ? { body: { mimeType: FORM_CONTENT_TYPE, params: fields.map(([name, value]) => ({ name, value })) } } : {}),
    authentication: basic ? basicClientAuthentication(secret) : { type: 'none' },
  };
}

/**
 * A data request as the case sends it. `tampered`: Insomnia's script API documents no read of the
 * token its OAuth 2.0 settings fetched, so the case sends a JWT-shaped token no server signed.
 */
function endpointCase(model: ApiModel, target: Extract<ContractCase['target'], { kind: 'endpoint' }>): CaseRequest {
  const { resource, endpoint } = findEndpoint(model, target.endpoint)!;
  const byName = new Map(endpoint.pathParams.map((p) => [p.name, p]));
  const pathParam = (name: string) =>
    name in target.pathParams ? urlComponent(target.pathParams[name]!) : variable(byName.has(name) ? pathParamVariable(byName.get(name)!) : name);
  const authentication: Authentication =
    target.auth === 'none'
      ? { type: 'none' }
      : target.auth === 'tampered'
        ? { type: 'bearer', token: UNSIGNED_TOKEN, prefix: model.auth.tokenPrefix, disabled: false }
        : inheritAuthentication();
  const json = jsonBody(target.body === undefined ? undefined : bodyText(target.body));
  return {
    method: endpoint.method,
    url: `${variable(VARIABLES.baseUrl)}${endpointPath(resource, endpoint, variable, pathParam)}`,
    parameters: givenQueryPairs(endpoint.query, target.query).map(({ key, value }) => ({ name: key, value, description: '', disabled: false })),
    headers: [ACCEPT_JSON, ...requestHeaders(endpoint, variable).map(([name, value]) => ({ name, value })), ...json.headers],
    ...(json.body ? { body: json.body } : {}),
    authentication,
  };
}

function caseRequest(model: ApiModel, c: ContractCase, index: number): RequestNode {
  const request = c.target.kind === 'token' ? tokenCase(model, c.target.credentials) : endpointCase(model, c.target);
  const walk = pageWalk(model, c);
  const around = walk
    ? { prelude: pageOneStep(walk, INSOMNIA_SCRIPT_API, 'answered'), ...(hasPageTwo(walk) ? { after: pageOneStore(INSOMNIA_SCRIPT_API) } : {}) }
    : {};
  return {
    kind: 'request',
    id: stableId('req', model.info.id, 'case', c.id),
    name: c.name,
    description: c.basis ? `Basis: ${c.basis}.` : 'A contract case.',
    sortKey: sortKey(index),
    ...request,
    afterResponse: afterResponseScript(c.expect.status, insomniaTests(model, caseChecks(model, c)), around),
  };
}

/** Page 2 of a paging case (generators/shared/page-walk.ts): skipped, saying why, when page 1 left no way to it. */
function pageTwoRequest(model: ApiModel, c: ContractCase, walk: PageWalk, index: number): RequestNode {
  const target = c.target as Extract<ContractCase['target'], { kind: 'endpoint' }>;
  const query = pageTwoQuery(walk, target.query, variable(SCRIPT_VARIABLES.pageNext));
  const request = endpointCase(model, { ...target, query: query ?? {} });
  return {
    kind: 'request',
    id: stableId('req', model.info.id, 'case', c.id, 'page-2'),
    name: pageTwoName(c),
    description: 'Page 2 of the case before it, reached the way the endpoint pages; skipped, saying why, when page 1 said there is no more.',
    sortKey: sortKey(index),
    ...request,
    ...(query ? {} : { url: `${variable(VARIABLES.baseUrl)}/${variable(SCRIPT_VARIABLES.pageNext)}` }),
    preRequest: pageTwoPrerequest(walk, INSOMNIA_SCRIPT_API, pageTwoName(c)).join('\n'),
    afterResponse: afterResponseScript(c.expect.status, insomniaTests(model, pageTwoChecks(model, c)), {
      prelude: pageTwoPrelude(INSOMNIA_SCRIPT_API),
      after: [`${INSOMNIA_SCRIPT_API.set(jsLiteral(SCRIPT_VARIABLES.pageState), "''")};`],
    }),
  };
}

/** Each case's request, and page 2 after a paging case's. */
function caseRequests(model: ApiModel): RequestNode[] {
  const nodes: RequestNode[] = [];
  for (const c of model.contract.cases) {
    nodes.push(caseRequest(model, c, nodes.length));
    const walk = pageWalk(model, c);
    if (hasPageTwo(walk)) nodes.push(pageTwoRequest(model, c, walk, nodes.length));
  }
  return nodes;
}

/** The folder of contract cases, after the resources; none when the description lists no case. */
export function contractFolder(model: ApiModel, index: number): FolderNode[] {
  if (model.contract.cases.length === 0) return [];
  return [
    {
      kind: 'folder',
      id: stableId('fld', model.info.id, 'contract'),
      name: CONTRACT_FOLDER,
      description: 'The contract cases of the description, each with its named checks (after-response script). Run them after the documented requests.',
      sortKey: sortKey(index),
      authentication: inheritAuthentication(),
      children: caseRequests(model),
    },
  ];
}
