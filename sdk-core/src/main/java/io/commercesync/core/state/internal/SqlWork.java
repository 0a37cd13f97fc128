package io.commercesync.core.state.internal;

import java.sql.SQLException;

/**
 * A unit of work on a connection ({@link Sql}), run inside a transaction that the caller opens and commits.
 *
 * <p>Work run by the {@link GroupCommitter} may reject its input by throwing a
 * {@link io.commercesync.core.error.CommerceSyncException} (e.g. an idempotency conflict), but only
 * before it has written anything: the rest of its batch is committed regardless.
 */
@FunctionalInterface
interface SqlWork<T> {
  T run(Sql sql) throws SQLException;
}
