package org.yiyong.publicity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyong.files.AttachmentOwner;
import org.yiyong.files.RegionalPhotos;
import org.yiyong.identity.Role;
import org.yiyong.publicity.Articles;
import org.yiyong.publicity.Consents;
import org.yiyong.publicity.HonourRoll;

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
        return new RegionalPhotos(jdbc, "article", Articles.ENTITY, Role.CITY_STAFF, Role.COUNTY_STAFF) {
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
        return new RegionalPhotos(jdbc, "publication_consent", Consents.ENTITY, Role.CITY_STAFF,
                Role.COUNTY_STAFF) {
            @Override
            public boolean isPublic(long ownerId, long attachmentId) {
                return roll.getObject().entry(ownerId)
                        .map(entry -> entry.photoId() != null && entry.photoId() == attachmentId).orElse(false);
            }
        };
    }
}
