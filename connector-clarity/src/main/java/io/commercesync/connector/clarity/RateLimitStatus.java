package io.commercesync.connector.clarity;

import java.time.Instant;

/**
 * The v1 API's last reported rate-limit window ({@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset} in Unix seconds; reference §4.6 [P]). While {@code remaining} is 0 and
 * {@code reset} is ahead, the client refuses calls itself with a {@code RateLimitedException} carrying
 * the wait, instead of spending a request on a certain 429.
 *
 * <pre>{@code
 * client.rateLimit().ifPresent(r -> log.debug("clarity remaining={} reset={}", r.remaining(), r.reset()));
 * }</pre>
 *
 * @param limit requests allowed per window
 * @param remaining requests left in the window
 * @param reset when the window resets
 */
public record RateLimitStatus(long limit, long remaining, Instant reset) {}
