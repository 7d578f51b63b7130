// The shared named checks (generators/shared/checks.ts) as Postman sandbox source.
import type { ApiModel } from '../../../model/model.js';
import type { NamedCheck } from '../../shared/checks.js';
import * as check from './checks.js';
import { pageCheckLines } from '../../shared/page-script.js';
import { POSTMAN_SCRIPT_API } from './paging.js';

export function postmanCheck(model: ApiModel, named: NamedCheck): check.Check {
  switch (named.kind) {
    case 'status':
      return check.statusCheck(named.status);
    case 'json':
      return check.jsonCheck(false);
    case 'content-type':
      return check.contentTypeCheck();
    case 'schema':
      return check.schemaCheck(named.schema, model.schemas[named.schema]!);
    case 'page-size':
    case 'page-total':
    case 'page-origin':
    case 'page-fresh':
    case 'page-more':
      return check.blockCheck(named.name, pageCheckLines(named, POSTMAN_SCRIPT_API, 'pm.expect'));
    case 'every-item':
      return check.everyItemCheck(named.rule);
    case 'time':
      return check.timeCheck(named.ms);
  }
}
