// The authentication blocks, identical in v4 and v5 (formats.md C2, C3).
import type { ApiModel } from '../../model/model.js';
import { VARIABLES } from '../../model/model.js';
import { fillTemplate } from '../../model/urls.js';
import { tokenUrl, variable } from './template.js';

export interface OAuth2Authentication {
  type: 'oauth2';
  grantType: 'client_credentials';
  accessTokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** A JSON boolean: Insomnia tests truthiness, so the string "false" would mean "in the body". */
  credentialsInBody: boolean;
  scope: string;
  audience: string;
  resource: string;
  tokenPrefix: string;
  disabled: false;
}

export interface BasicAuthentication {
  type: 'basic';
  useISO88591: false;
  username: string;
  password: string;
  disabled: false;
}

/** `{}` is "Inherit from parent" in Insomnia; `{type: none}` would mean no auth at all. */
export type InheritAuthentication = Record<string, never>;

/** Explicitly none: the raw token call under client_secret_post, whose client travels in the body. */
export interface NoAuthentication {
  type: 'none';
}

/** A fixed bearer token (the contract case that sends one no server signed). */
export interface BearerAuthentication {
  type: 'bearer';
  token: string;
  prefix: string;
  disabled: false;
}

export type Authentication = OAuth2Authentication | BasicAuthentication | BearerAuthentication | NoAuthentication | InheritAuthentication;

/** Client credentials in a Basic header (`credentialsInBody: false`) or in the form body (`true`). */
export function oauth2Authentication(model: ApiModel): OAuth2Authentication {
  return {
    type: 'oauth2',
    grantType: 'client_credentials',
    accessTokenUrl: tokenUrl(model),
    clientId: variable(VARIABLES.clientId),
    clientSecret: variable(VARIABLES.clientSecret),
    credentialsInBody: model.auth.clientAuthentication === 'post',
    scope: fillTemplate(model.auth.scope ?? '', variable),
    audience: fillTemplate(model.auth.audience ?? '', variable),
    resource: '',
    tokenPrefix: model.auth.tokenPrefix,
    disabled: false,
  };
}

/** What the raw token call sends: HTTP Basic with the client id and secret, or nothing (they are in the body). */
export function tokenCallAuthentication(model: ApiModel): BasicAuthentication | NoAuthentication {
  return model.auth.clientAuthentication === 'basic' ? basicClientAuthentication() : { type: 'none' };
}

/** HTTP Basic with the client id and `secret` (the secret variable, or a fixed wrong one). */
export function basicClientAuthentication(secret = variable(VARIABLES.clientSecret)): BasicAuthentication {
  return {
    type: 'basic',
    useISO88591: false,
    username: variable(VARIABLES.clientId),
    password: secret,
    disabled: false,
  };
}

export function inheritAuthentication(): InheritAuthentication {
  return {};
}
