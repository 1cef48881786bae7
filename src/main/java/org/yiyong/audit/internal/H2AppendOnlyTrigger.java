package org.yiyong.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** Refuses any update or delete of an audit entry on the embedded H2 database. */
public class H2AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entry is append-only", "42501");
    }
}
