/** Refreshing a long-lived token with Instagram. */
import {
  LongLivedTokenResponseSchema,
  type LongLivedTokenResponse,
} from '@/shared/instagram-responses';
import { joinUrl } from '@/utils/instagram/join-url';
import { GraphError, getGraph } from './graph-client';

/**
 * `GET {graph}/refresh_access_token?grant_type=ig_refresh_token`: a new 60-day token. The token
 * goes in the query because that is the only place Instagram documents for this endpoint.
 */
export async function requestRefresh(
  graphUrl: string,
  token: string,
): Promise<LongLivedTokenResponse> {
  const url = joinUrl(graphUrl, 'refresh_access_token');
  url.searchParams.set('grant_type', 'ig_refresh_token');
  const { body } = await getGraph(url, token, 'query');
  const parsed = LongLivedTokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new GraphError({ status: 200, malformed: true }, parsed.error);
  return parsed.data;
}
