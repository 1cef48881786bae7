package org.yiyong.files.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiyong.platform.YiyongProperties;

/** The content store {@code yiyong.files.store} names: a directory ({@code local}) or a bucket ({@code s3}). */
@Configuration(proxyBeanMethods = false)
class ContentStores {

    private static final Logger log = LoggerFactory.getLogger(ContentStores.class);

    @Bean
    ContentStore contentStore(FilesProperties files, YiyongProperties platform) {
        ContentStore store = switch (files.store()) {
            case LOCAL -> new LocalContentStore(FileStore.uploadDirectory(files, platform));
            case S3 -> S3ContentStore.connect(files.s3());
        };
        log.info("Attachments are kept in {}", store.describe());
        return store;
    }
}
