// The two-page walk as script source, the same logic in every client, written through a small
// adapter of each client's script API (how it reads a header, keeps a variable, skips a request).
// Page 1 works out the way to page 2 and keeps it, with page 1's item keys, in the script
// variables model/script-variables.ts names; page 2 is skipped, saying why, when page 1 said there
// is no more, did not answer as documented, or gave a next link to another origin: credentials
// never follow a link off the API's origin.
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { jsLiteral } from './js-literal.js';
import { linkStyle, type PageWalk } from './page-walk.js';

export interface ScriptApi {
  /** The value of a response header (`name` a JS expression). */
  header(name: string): string;
  /** A script variable's value (`name` a JS expression). */
  get(name: string): string;
  set(name: string, value: string): string;
  /** A template (`{{baseUrl}}`) with the client's variables filled in. */
  interpolate(template: string): string;
  /** Statements that skip the request about to be sent. */
  skip: string;
}

/** Own properties only: `toString` or `constructor` is a field of the answer only when the answer holds it. */
export const OWN = 'const own = (v, k) => (v != null && Object.prototype.hasOwnProperty.call(v, k) ? v[k] : undefined);';

/** The page's items: the answer's array property, or the answer itself when it is a bare array. */
export const itemsJs = (walk: Pick<PageWalk, 'list'>, body = 'body'): string =>
  walk.list.items === undefined ? body : `own(${body}, ${jsLiteral(walk.list.items)})`;

/** The documented total as a number (NaN when it is no integer), from the body or a header; undefined when none is documented. */
export function totalJs(walk: Pick<PageWalk, 'list'>, api: ScriptApi): string | undefined {
  const total = walk.list.total;
  if (!total) return undefined;
  if (total.in === 'body') return `own(body, ${jsLiteral(total.field)})`;
  return `(/^\\d+$/.test(String(${api.header(jsLiteral(total.name))} || '').trim()) ? Number(String(${api.header(jsLiteral(total.name))}).trim()) : NaN)`;
}

const ORIGIN_OF =
  "const originOf = (u) => { const m = /^([a-z][a-z0-9+.-]*):\\/\\/([^\\/?#]*)/i.exec(String(u)); return m ? (m[1] + '://' + m[2]).toLowerCase() : undefined; };";
const LINK_NEXT = [
  // RFC 8288: `<url>; rel="next"`, several links comma-separated, rel a space-separated list
  'const linkNext = (h) => { for (const part of String(h || \'\').split(/,(?=\\s*<)/)) { const m = /^\\s*<([^>]*)>(.*)$/.exec(part); const rel = m && /;\\s*rel\\s*=\\s*("[^"]*"|[^;\\s]*)/i.exec(m[2]);',
  "  if (rel && rel[1].replace(/\"/g, '').toLowerCase().split(/\\s+/).includes('next')) return m[1]; } return undefined; };",
].join('\n');

/** The value page 1 answers for the next page: the next cursor or link, as a JS expression. */
function nextJs(walk: PageWalk, api: ScriptApi): string | undefined {
  const { paging } = walk.list;
  if (paging.style === 'cursor' || paging.style === 'next-link') return `${jsLiteral(paging.next)}.reduce((v, k) => own(v, k), body)`;
  if (paging.style === 'link-header') return `linkNext(${api.header(jsLiteral('Link'))})`;
  return undefined;
}

/**
 * Page 1's prelude: `pageStep`, what page 2 needs (`state`: the case, page 1's item keys, whether
 * page 1 said there is more, the reason page 2 is not sent; `next`: the cursor or URL; `foreign`:
 * the origin of a next link off the API's). `answered` is the client's "the documented status came";
 * `own` (OWN) is declared before it.
 */
export function pageOneStep(walk: PageWalk, api: ScriptApi, answered: string): string[] {
  const key = walk.key === undefined ? 'JSON.stringify(item)' : `JSON.stringify(own(item, ${jsLiteral(walk.key)}))`;
  const total = totalJs(walk, api);
  const next = nextJs(walk, api);
  return [
    ...(linkStyle(walk) ? [ORIGIN_OF] : []),
    ...(walk.list.paging.style === 'link-header' ? [LINK_NEXT] : []),
    'const pageStep = (() => {',
    `  const items = ${itemsJs(walk)};`,
    `  const state = { case: ${jsLiteral(walk.caseId)}, seen: Array.isArray(items) ? items.map((item) => ${key}) : [], more: false, reason: '' };`,
    `  if (!(${answered}) || !Array.isArray(items)) return { state: Object.assign(state, { reason: 'page 1 did not answer as documented' }) };`,
    ...(next === undefined ? positionStep(walk, total) : linkOrCursorStep(walk, api, next)),
    '})();',
  ];
}

/** Offset and page styles: page 2's position is known; whether there is more comes from the total, else from a full page. */
function positionStep(walk: PageWalk, total: string | undefined): string[] {
  const after = `${jsLiteral(walk.start)} + items.length`;
  return [
    ...(total === undefined
      ? []
      : [
          `  const total = ${total};`,
          `  if (Number.isInteger(total)) return { state: Object.assign(state, total > ${after} ? { more: true } : { reason: 'page 1 said there is no more (' + total + ' in all)' }) };`,
        ]),
    `  if (items.length < ${jsLiteral(walk.limit)}) return { state: Object.assign(state, { reason: 'page 1 was not full: there is no more' }) };`,
    '  return { state };',
  ];
}

/** Cursor and link styles: page 1's answer holds the way to page 2, or nothing on the last page. */
function linkOrCursorStep(walk: PageWalk, api: ScriptApi, next: string): string[] {
  const what = walk.list.paging.style === 'cursor' ? 'cursor' : 'link';
  const lines = [
    `  const next = ${next};`,
    `  if (next === undefined || next === null || next === '') return { state: Object.assign(state, { reason: ${jsLiteral(`page 1 gave no next ${what}: there is no more`)} }) };`,
  ];
  if (!linkStyle(walk)) return [...lines, '  return { state: Object.assign(state, { more: true }), next: String(next) };'];
  return [
    ...lines,
    `  const api = originOf(${api.interpolate(jsLiteral('{{baseUrl}}'))});`,
    // a link relative to the origin (`/v1/users?skip=2`, RFC 8288 allows it) stays on it
    '  const url = /^\\/(?!\\/)/.test(String(next)) && api ? api + String(next) : String(next);',
    '  if (api === undefined || originOf(url) !== api)',
    "    return { state: Object.assign(state, { reason: 'the next link leaves the API\\'s origin (' + originOf(url) + '): page 2 is not sent' }), foreign: String(originOf(url)) };",
    // page 2 is sent to `{{baseUrl}}/` + this path and query: it cannot reach another origin whatever the link said
    "  return { state: Object.assign(state, { more: true }), next: url.slice(api.length).replace(/^\\//, '') };",
  ];
}

/** After page 1's checks: keep the step for page 2 (the next value emptied when there is none). */
export function pageOneStore(api: ScriptApi): string[] {
  return [
    `${api.set(jsLiteral(SCRIPT_VARIABLES.pageState), 'JSON.stringify(pageStep.state)')};`,
    `${api.set(jsLiteral(SCRIPT_VARIABLES.pageNext), "pageStep.next === undefined ? '' : pageStep.next")};`,
  ];
}

/** Page 2's pre-request: skipped, saying why, unless page 1 of this case left a way to it (on the API's origin). */
export function pageTwoPrerequest(walk: PageWalk, api: ScriptApi, name: string, log = 'console.log'): string[] {
  return [
    `const pageState = (() => { try { return JSON.parse(${api.get(jsLiteral(SCRIPT_VARIABLES.pageState))} || 'null'); } catch (e) { return null; } })();`,
    `let pageSkip = !pageState || pageState.case !== ${jsLiteral(walk.caseId)} ? 'page 1 did not run' : pageState.reason;`,
    ...(linkStyle(walk)
      ? [
          // page 2 is `{{baseUrl}}/` + the next link's path and query: whatever set the variable, a path without white space
          `if (!pageSkip && !/^[^\\s]*$/.test(String(${api.get(jsLiteral(SCRIPT_VARIABLES.pageNext))} || ''))) pageSkip = 'the next link is no path on the API\\'s origin: page 2 is not sent';`,
        ]
      : []),
    'if (pageSkip) {',
    `  ${log}(${jsLiteral(`Skipped "${name}": `)} + pageSkip);`,
    `  ${api.skip}`,
    '}',
  ];
}

/** Page 2's prelude: page 1's state, for its checks. */
export function pageTwoPrelude(api: ScriptApi): string[] {
  return [
    `const pageState = (() => { try { return JSON.parse(${api.get(jsLiteral(SCRIPT_VARIABLES.pageState))} || 'null') || { seen: [], more: false }; } catch (e) { return { seen: [], more: false }; } })();`,
  ];
}

/** The bodies of the walk's checks, with the client's `expect`. */
const PAGE_CHECKS = {
  size: (walk: PageWalk, expect: string) => [
    `const items = ${itemsJs(walk)};`,
    `${expect}(items).to.be.an('array');`,
    `${expect}(items.length).to.be.at.most(${jsLiteral(walk.limit)});`,
  ],
  total: (walk: PageWalk, api: ScriptApi, expect: string) => [
    `const items = ${itemsJs(walk)}; const total = ${totalJs(walk, api)!};`,
    `${expect}(Number.isInteger(total), ${jsLiteral(`${totalLabel(walk)} is an integer`)}).to.equal(true);`,
    `${expect}(total).to.be.at.least(items.length);`,
    `${expect}(items.length).to.equal(Math.min(${jsLiteral(walk.limit)}, total));`,
  ],
  origin: (expect: string) => [`${expect}(pageStep.foreign, 'the next link leaves the API\\'s origin').to.equal(undefined);`],
  fresh: (walk: PageWalk, expect: string) => [
    `const items = ${itemsJs(walk)};`,
    `${expect}(items).to.be.an('array');`,
    'const seen = new Set(pageState.seen);',
    `${expect}(items.map((item) => ${walk.key === undefined ? 'JSON.stringify(item)' : `JSON.stringify(own(item, ${jsLiteral(walk.key)}))`}).filter((k) => seen.has(k)), 'items of page 1 on page 2').to.deep.equal([]);`,
  ],
  more: (walk: PageWalk, expect: string) => [
    `const items = ${itemsJs(walk)};`,
    `if (pageState.more) ${expect}(Array.isArray(items) ? items.length : 0, 'items on page 2').to.be.above(0);`,
  ],
} as const;

/** A page check of the shared list (./checks.ts), whichever client renders it. */
export interface PageCheck {
  kind: 'page-size' | 'page-total' | 'page-origin' | 'page-fresh' | 'page-more';
  walk: PageWalk;
}

/** A page check's statements, in the client's `expect` and script API: one dispatch for every client. */
export function pageCheckLines(check: PageCheck, api: ScriptApi, expect: string): string[] {
  switch (check.kind) {
    case 'page-size':
      return PAGE_CHECKS.size(check.walk, expect);
    case 'page-total':
      return PAGE_CHECKS.total(check.walk, api, expect);
    case 'page-origin':
      return PAGE_CHECKS.origin(expect);
    case 'page-fresh':
      return PAGE_CHECKS.fresh(check.walk, expect);
    case 'page-more':
      return PAGE_CHECKS.more(check.walk, expect);
  }
}

/** How a check names the total: the body property, or the header. */
export function totalLabel(walk: Pick<PageWalk, 'list'>): string {
  const total = walk.list.total!;
  return total.in === 'body' ? total.field : `the ${total.name} header`;
}
