// The format-neutral tree's nodes, shared by collection.ts, contract.ts, v4.ts and v5.ts.
import type { JSON_CONTENT_TYPE } from '../../model/model.js';
import type { FORM_CONTENT_TYPE } from '../../model/token-form.js';
import type { Authentication } from './auth.js';
import type { QueryPair } from './parameters.js';

export interface Header {
  name: string;
  value: string;
}

export interface RequestNode {
  kind: 'request';
  id: string;
  name: string;
  description: string;
  sortKey: number;
  method: string;
  url: string;
  parameters: QueryPair[];
  headers: Header[];
  /** The form body of the raw token call, or a data request's JSON body, when it sends one. */
  body?: FormBody | JsonBody;
  authentication: Authentication;
  /** The pre-request script: a documented write request skips itself in a contract run (../shared/write-requests.ts); page 2 of a paging case skips itself when page 1 left no way to it. */
  preRequest?: string;
  /** The after-response script with the request's named checks (./checks.ts), when it has any. */
  afterResponse?: string;
}

export interface FormBody {
  mimeType: typeof FORM_CONTENT_TYPE;
  params: { name: string; value: string }[];
}

export interface JsonBody {
  mimeType: typeof JSON_CONTENT_TYPE;
  text: string;
}

export interface FolderNode {
  kind: 'folder';
  id: string;
  name: string;
  description: string;
  sortKey: number;
  authentication: Authentication;
  children: (FolderNode | RequestNode)[];
}
