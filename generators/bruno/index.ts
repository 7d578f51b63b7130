// The Bruno collection: a folder of .bru files written from the model (bru-lang v2 grammar).
import type { Generator, OutputFile } from '../types.js';
import { brunoEnvironmentName, brunoFolderName, brunoRequestName } from '../../model/bruno-names.js';
import { brunoJson, collectionBru } from './collection.js';
import { environmentBru } from './environment.js';
import { folderBru } from './folder.js';
import { requestBru } from './request.js';

export const ROOT = 'bruno';

export const bruno: Generator = (model) => {
  const files: OutputFile[] = [
    { path: `${ROOT}/bruno.json`, content: brunoJson(model) },
    { path: `${ROOT}/collection.bru`, content: collectionBru(model) },
  ];
  model.resources.forEach((resource, r) => {
    const folder = `${ROOT}/${brunoFolderName(resource.name)}`;
    files.push({ path: `${folder}/folder.bru`, content: folderBru(resource, r + 1) });
    resource.endpoints.forEach((endpoint, e) => {
      files.push({ path: `${folder}/${brunoRequestName(endpoint.name)}.bru`, content: requestBru(model, resource, endpoint, e + 1) });
    });
  });
  for (const env of model.environments) {
    files.push({ path: `${ROOT}/environments/${brunoEnvironmentName(env.id)}.bru`, content: environmentBru(model, env) });
  }
  return files;
};
