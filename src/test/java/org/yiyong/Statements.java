package org.yiyong;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application runs on the current thread while {@link #counted} runs — a page
 * requested through MockMvc, with its security, session and rendering — so that a test can hold a page to a number
 * of statements that does not grow with the rows it shows. Outside a count, the application's data source is only
 * passed through.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Statements {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();
    private static final ThreadLocal<java.util.List<String>> TEXTS = new ThreadLocal<>();

    /** Something that runs statements. */
    @FunctionalInterface
    public interface Steps {
        void run() throws Exception;
    }

    /** How many statements the steps ran on this thread. */
    public static int counted(Steps steps) throws Exception {
        int[] count = new int[1];
        COUNT.set(count);
        try {
            steps.run();
            return count[0];
        } finally {
            COUNT.remove();
        }
    }

    /** The statements the steps ran on this thread, as their SQL (to find where a count comes from). */
    public static java.util.List<String> listed(Steps steps) throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>();
        TEXTS.set(texts);
        try {
            counted(steps);
            return texts;
        } finally {
            TEXTS.remove();
        }
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
                    return proxy(DataSource.class, dataSource, (target, method, args) -> {
                        Object result = call(method, target, args);
                        return result instanceof Connection connection && COUNT.get() != null
                                ? proxy(Connection.class, connection, Statements::connectionCall) : result;
                    });
                }
                return bean;
            }
        };
    }

    private static Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
        Object result = call(method, target, args);
        if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
            String sql = (String) args[0];
            return proxy(PreparedStatement.class, statement, (ps, m, a) -> {
                if (m.getName().startsWith("execute") && TEXTS.get() != null) {
                    TEXTS.get().add(sql);
                }
                return statementCall(ps, m, a);
            });
        }
        if (result instanceof Statement statement && method.getName().equals("createStatement")) {
            return proxy(Statement.class, statement, Statements::statementCall);
        }
        return result;
    }

    private static Object statementCall(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql
                && TEXTS.get() != null) {
            TEXTS.get().add(sql);
        }
        if (method.getName().startsWith("execute")) {
            int[] count = COUNT.get();
            if (count != null) {
                count[0]++;
            }
        }
        return call(method, target, args);
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }
}
