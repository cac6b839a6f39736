package com.superkabe.gate.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreFailuresTest {

    @Test
    void aPoolThatCannotHandOutAConnectionWithinItsTimeoutIsAnUnavailableStore() {
        Exception noConnection = new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

        assertThat(StoreFailures.unavailable(new BatchListenerFailedException("batch", noConnection, 0))).isTrue();
    }

    @Test
    void aConnectionLostMidStatementIsAnUnavailableStoreByItsSqlState() {
        Exception lost = new UncategorizedSQLException("insert", "INSERT ...",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(StoreFailures.unavailable(lost)).isTrue();
        assertThat(StoreFailures.unavailable(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
    }

    @Test
    void aStatementTheDatabaseRejectsIsNotAnOutageAndKeepsTheKitsHandling() {
        assertThat(StoreFailures.unavailable(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(StoreFailures.unavailable(new IllegalStateException("leads were admitted concurrently"))).isFalse();
    }
}
