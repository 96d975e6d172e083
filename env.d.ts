/** Build-time defaults; see README "Build-time defaults". */
interface ImportMetaEnv {
  readonly WXT_CLIENT_ID?: string;
  readonly WXT_PROXY_URL?: string;
  readonly WXT_AUTHORIZE_URL?: string;
  readonly WXT_GRAPH_URL?: string;
  readonly WXT_FB_DIALOG_URL?: string;
  readonly WXT_FB_GRAPH_URL?: string;
}
