package org.yiyong.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Sessions in the database without a write on every page: Spring Session records each request's time on the
 * session, which made every page — a read — also update the session's row and commit. A request's time is now
 * recorded only when the one recorded is a minute old or more; a session whose attributes change is saved as
 * before. A session therefore ends between 29 and 30 minutes after its last request (the timeout is 30), never
 * later, and every node sees the same row.
 */
@Configuration(proxyBeanMethods = false)
class QuietSessions {

    /** How old the recorded time of the last request may grow before a request records its own. */
    static final Duration RECORDED_EVERY = Duration.ofMinutes(1);

    @Bean
    static BeanPostProcessor quietSessionRepository() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof FindByIndexNameSessionRepository<?> sessions && !(bean instanceof Repository)) {
                    return new Repository((FindByIndexNameSessionRepository<Session>) sessions);
                }
                return bean;
            }
        };
    }

    /** The application's session repository, handing out sessions that record a request's time a minute apart. */
    static final class Repository implements FindByIndexNameSessionRepository<Session> {

        private final FindByIndexNameSessionRepository<Session> sessions;

        Repository(FindByIndexNameSessionRepository<Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        public Session createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(Session session) {
            sessions.save(session instanceof Quiet quiet ? quiet.session : session);
        }

        @Override
        public Session findById(String id) {
            Session found = sessions.findById(id);
            return found == null ? null : new Quiet(found);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.findByIndexNameAndIndexValue(indexName, indexValue);
        }
    }

    /** A stored session whose request time is recorded only when the recorded one is a minute old. */
    static final class Quiet implements Session {

        private final Session session;

        Quiet(Session session) {
            this.session = session;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(session.getLastAccessedTime(), lastAccessedTime).compareTo(RECORDED_EVERY) >= 0) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
