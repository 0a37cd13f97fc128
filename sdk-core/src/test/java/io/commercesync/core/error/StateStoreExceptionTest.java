package io.commercesync.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StateStoreExceptionTest {

  @Test
  void message_namesBackendOperationSqlStateAndRetryability() {
    StateStoreException e = new StateStoreException("postgresql", "leases.claim", "deadlock detected", "40P01",
        true, new SQLException("deadlock detected", "40P01"));
    assertThat(e).hasMessage("state store (postgresql) leases.claim: deadlock detected [SQLState 40P01] (retryable)");
    assertThat(e.retryable()).isTrue();
    assertThat(e.backend()).isEqualTo("postgresql");
    assertThat(e.operation()).isEqualTo("leases.claim");
    assertThat(e.sqlState()).contains("40P01");
    assertThat(e.system()).isEmpty();
  }

  @Test
  void withoutSqlState_isPlainAndNotRetryable() {
    StateStoreException e = new StateStoreException("sqlite", "open", "cannot create /data/cs.db", null, false, null);
    assertThat(e).hasMessage("state store (sqlite) open: cannot create /data/cs.db");
    assertThat(e.retryable()).isFalse();
    assertThat(e.sqlState()).isEmpty();
  }
}
