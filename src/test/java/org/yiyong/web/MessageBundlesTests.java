package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text exists in Chinese and in English: a key missing from one bundle shows up here. */
class MessageBundlesTests {

    @Test
    void chinese_and_english_bundles_have_the_same_keys() throws IOException {
        Set<String> chinese = keys("/messages_zh_CN.properties");
        Set<String> english = keys("/messages_en.properties");

        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);

        assertThat(onlyChinese).as("keys missing from messages_en").isEmpty();
        assertThat(onlyEnglish).as("keys missing from messages_zh_CN").isEmpty();
        assertThat(chinese).hasSizeGreaterThan(100);
    }

    @Test
    void no_text_is_empty() throws IOException {
        for (String bundle : new String[] {"/messages_zh_CN.properties", "/messages_en.properties"}) {
            Properties properties = load(bundle);
            for (String key : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(key)).as(bundle + " " + key).isNotBlank();
            }
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
