package com.subscriptionsuite.adapters.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool's source of H2 connections, each as the URL asks for: committing with a group commit shared
 * with every other connection to the file ({@link GroupCommits}) when H2 writes at every commit
 * ({@code WRITE_DELAY=0}), and keeping its prepared statements ({@link PreparedStatements}) when H2's own
 * statement cache is off. {@link Database#h2File} asks for both.
 */
final class H2Connections implements DataSource {
    private final String url;
    private final String user;
    private final String password;
    private final boolean groupCommits;
    private final boolean keepingStatements;
    private volatile int loginTimeout;

    H2Connections(String url, String user, String password, boolean groupCommits, boolean keepingStatements) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.groupCommits = groupCommits;
        this.keepingStatements = keepingStatements;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = groupCommits ? GroupCommits.open(url, user, password)
                : DriverManager.getConnection(url, user, password);
        return keepingStatements ? PreparedStatements.keeping(connection) : connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials are configured once");
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
