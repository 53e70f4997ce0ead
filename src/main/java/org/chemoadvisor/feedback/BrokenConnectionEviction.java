package org.chemoadvisor.feedback;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * Drops a pooled connection from the pool when its driver says it is gone. Hikari does so by
 * itself for SQLState class 08 and a few vendor codes (PostgreSQL's among them), but not for
 * drivers that report a lost connection otherwise, e.g. H2 ("connection is broken" 90067,
 * "database is already closed" 90121): such a connection would be lent out again and again, and
 * the feedback store would stay unavailable after its database came back. The JDBC exception
 * classes that mean "this connection cannot be used any more" are the test here, so it holds for
 * any driver. Set as {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class BrokenConnectionEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
