// The shared named checks (generators/shared/checks.ts) as Postman sandbox source.
import type { ApiModel } from '../../../model/model.js';
import type { NamedCheck } from '../../shared/checks.js';
import * as check from './checks.js';
import { PAGE_CHECKS } from '../../shared/page-script.js';
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
      return check.blockCheck(named.name, PAGE_CHECKS.size(named.walk, 'pm.expect'));
    case 'page-total':
      return check.blockCheck(named.name, PAGE_CHECKS.total(named.walk, POSTMAN_SCRIPT_API, 'pm.expect'));
    case 'page-origin':
      return check.blockCheck(named.name, PAGE_CHECKS.origin('pm.expect'));
    case 'page-fresh':
      return check.blockCheck(named.name, PAGE_CHECKS.fresh(named.walk, 'pm.expect'));
    case 'page-more':
      return check.blockCheck(named.name, PAGE_CHECKS.more(named.walk, 'pm.expect'));
    case 'every-item':
      return check.everyItemCheck(named.rule);
    case 'time':
      return check.timeCheck(named.ms);
  }
}
