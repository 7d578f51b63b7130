// The Bruno collection: a folder of .bru files written from the model (bru-lang v2 grammar): the
// token request, a folder per resource, and the contract cases, in the Postman collection's order.
import type { Generator, OutputFile } from '../types.js';
import { brunoEnvironmentName, brunoFolderName, brunoRequestName } from '../../model/bruno-names.js';
import { tokenEndpointText } from '../shared/markdown.js';
import { brunoJson, collectionBru } from './collection.js';
import { AUTH_FOLDER, caseBru, CONTRACT_FOLDER, pageTwoBru, TOKEN_REQUEST, tokenRequestBru } from './contract.js';
import { hasPageTwo, pageTwoName, pageWalk } from '../shared/page-walk.js';
import { environmentBru } from './environment.js';
import { folderBru, plainFolderBru } from './folder.js';
import { requestBru } from './request.js';
import { memo } from '../shared/memo.js';

export const ROOT = 'bruno';

export const bruno: Generator = (model) => {
  const files: OutputFile[] = [
    { path: `${ROOT}/bruno.json`, content: brunoJson(model) },
    { path: `${ROOT}/collection.bru`, content: collectionBru(model) },
  ];
  const auth = `${ROOT}/${brunoFolderName(AUTH_FOLDER)}`;
  files.push({ path: `${auth}/folder.bru`, content: plainFolderBru(AUTH_FOLDER, 1, tokenEndpointText(model.auth)) });
  files.push({ path: `${auth}/${brunoRequestName(TOKEN_REQUEST)}.bru`, content: tokenRequestBru(model) });
  const scripts = memo<string>();
  model.resources.forEach((resource, r) => {
    const folder = `${ROOT}/${brunoFolderName(resource.name)}`;
    files.push({ path: `${folder}/folder.bru`, content: folderBru(resource, r + 2) });
    resource.endpoints.forEach((endpoint, e) => {
      files.push({ path: `${folder}/${brunoRequestName(endpoint.name)}.bru`, content: requestBru(model, resource, endpoint, e + 1, scripts) });
    });
  });
  const contract = `${ROOT}/${brunoFolderName(CONTRACT_FOLDER)}`;
  files.push({
    path: `${contract}/folder.bru`,
    content: plainFolderBru(
      CONTRACT_FOLDER,
      model.resources.length + 2,
      'Negative and edge cases of the documented contract. Each says what it checks and on what basis.',
    ),
  });
  let seq = 0;
  for (const c of model.contract.cases) {
    files.push({ path: `${contract}/${brunoRequestName(c.name)}.bru`, content: caseBru(model, c, ++seq) });
    const walk = pageWalk(model, c);
    if (hasPageTwo(walk)) files.push({ path: `${contract}/${brunoRequestName(pageTwoName(c))}.bru`, content: pageTwoBru(model, c, walk, ++seq) });
  }
  for (const env of model.environments) {
    files.push({ path: `${ROOT}/environments/${brunoEnvironmentName(env.id)}.bru`, content: environmentBru(model, env) });
  }
  return files;
};
