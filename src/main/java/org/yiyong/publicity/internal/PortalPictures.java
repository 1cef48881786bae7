package org.yiyong.publicity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyong.files.AttachmentOwner;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.publicity.Articles;
import org.yiyong.publicity.Consents;
import org.yiyong.publicity.HonourRoll;
import org.yiyong.shared.DataScope;

/**
 * The pictures publicity keeps with the files module: an article's illustrations (public while the article is
 * live) and the photo of a person on the honour roll (public while their consent to the roll stands). Staff of
 * the record's region add and see them; only pictures are taken.
 */
@Configuration(proxyBeanMethods = false)
class PortalPictures {

    /** A picture of an article is public while the article is live and its body shows that picture. */
    @Bean
    AttachmentOwner articlePictures(JdbcClient jdbc, Articles articles) {
        return new Owner(jdbc, Articles.ENTITY, "article") {
            @Override
            public boolean isPublic(long ownerId, long attachmentId) {
                return articles.live(ownerId)
                        .map(article -> article.body().contains("src=\"/public/images/" + attachmentId + "\""))
                        .orElse(false);
            }
        };
    }

    /** The photo of a person on the roll is public while they are on it, and only the latest one. */
    @Bean
    AttachmentOwner rollPhotos(JdbcClient jdbc, ObjectProvider<HonourRoll> roll) {
        return new Owner(jdbc, Consents.ENTITY, "publication_consent") {
            @Override
            public boolean isPublic(long ownerId, long attachmentId) {
                return roll.getObject().entry(ownerId)
                        .map(entry -> entry.photoId() != null && entry.photoId() == attachmentId).orElse(false);
            }
        };
    }

    private abstract static class Owner implements AttachmentOwner {

        private final JdbcClient jdbc;
        private final String type;
        private final String table;

        Owner(JdbcClient jdbc, String type, String table) {
            this.jdbc = jdbc;
            this.type = type;
            this.table = table;
        }

        @Override
        public String ownerType() {
            return type;
        }

        @Override
        public boolean isVisible(long ownerId, DataScope scope) {
            return jdbc.sql("select count(*) from " + table + " where id = :id and region_code in (:scope)")
                    .param("id", ownerId).param("scope", scope.regionCodes()).query(Long.class).single() > 0;
        }

        @Override
        public boolean mayAttach(CurrentUser me) {
            return me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
        }

        @Override
        public boolean photosOnly() {
            return true;
        }

        @Override
        public boolean exists(long ownerId) {
            return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", ownerId)
                    .query(Long.class).single() > 0;
        }
    }
}
