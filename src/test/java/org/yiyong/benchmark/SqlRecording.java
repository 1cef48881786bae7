package org.yiyong.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's data source so that the queries run while {@link #record} runs are kept, with
 * their parameters; outside a recording the wrapper only passes calls on.
 */
@TestConfiguration(proxyBeanMethods = false)
class SqlRecording {

    /** The application's own data source, unwrapped. */
    static volatile DataSource plain;

    private static volatile List<Recorded> recorded;

    static synchronized List<Recorded> record(Callable<Object> steps) throws Exception {
        recorded = new ArrayList<>();
        try {
            steps.call();
            return List.copyOf(recorded);
        } finally {
            recorded = null;
        }
    }

    @Bean
    static BeanPostProcessor recordingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource) {
                    plain = dataSource;
                    return proxy(DataSource.class, dataSource, (target, method, args) -> {
                        Object result = call(method, target, args);
                        return result instanceof Connection connection
                                ? proxy(Connection.class, connection, SqlRecording::connectionCall) : result;
                    });
                }
                return bean;
            }
        };
    }

    private static Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
        Object result = call(method, target, args);
        if (recorded != null && method.getName().equals("prepareStatement")
                && result instanceof PreparedStatement statement) {
            String sql = (String) args[0];
            List<Recorded.Call> calls = new ArrayList<>();
            return proxy(PreparedStatement.class, statement, (ps, m, a) -> {
                if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer) {
                    calls.add(new Recorded.Call(m, a.clone()));
                } else if (m.getName().equals("executeQuery") && (a == null || a.length == 0)) {
                    List<Recorded> list = recorded;
                    if (list != null) {
                        list.add(new Recorded(sql, List.copyOf(calls)));
                    }
                }
                return call(m, ps, a);
            });
        }
        return result;
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A statement run during a recording, with the calls that set its parameters. */
    record Recorded(String sql, List<Call> calls) {

        record Call(Method method, Object[] args) {
        }
    }

    /**
     * Runs the recorded statements on one plain connection, in one transaction rolled back at the end (a request's
     * statements may lock a row, as the audit chain's head is locked before an export is recorded), reading every
     * cell.
     */
    static long runRaw(List<Recorded> statements) throws Exception {
        long cells = 0;
        try (Connection connection = plain.getConnection()) {
            connection.setAutoCommit(false);
            for (Recorded statement : statements) {
                try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                    for (Recorded.Call call : statement.calls()) {
                        call.method().invoke(prepared, call.args());
                    }
                    try (ResultSet rows = prepared.executeQuery()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int column = 1; column <= columns; column++) {
                                rows.getObject(column);
                                cells++;
                            }
                        }
                    }
                }
            }
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return cells;
    }

    /** The plan of a recorded statement as it ran: {@code explain (analyze, buffers)}. */
    static List<String> explain(Recorded statement) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = plain.getConnection();
                PreparedStatement prepared = connection.prepareStatement("explain (analyze, buffers) "
                        + statement.sql())) {
            for (Recorded.Call call : statement.calls()) {
                call.method().invoke(prepared, call.args());
            }
            try (ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
        }
        return plan;
    }
}
