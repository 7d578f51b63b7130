// The shared named checks (generators/shared/checks.ts) as Postman sandbox source.
import type { ApiModel } from '../../../model/model.js';
import type { NamedCheck } from '../../shared/checks.js';
import * as check from './checks.js';

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
      return check.pageSizeCheck(named.page);
    case 'page-total':
      return check.pageTotalCheck(named.page);
    case 'every-item':
      return check.everyItemCheck(named.rule);
    case 'time':
      return check.timeCheck(named.ms);
  }
}
