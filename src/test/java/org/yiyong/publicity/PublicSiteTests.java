package org.yiyong.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yiyong.FullStackTest;

/**
 * What search engines are given, to anyone without signing in: robots.txt lets them into the public portal only,
 * and the sitemap lists its pages, each of which answers a visitor; both cacheable.
 */
class PublicSiteTests extends FullStackTest {

    @Test
    void robots_keep_search_engines_to_the_public_portal() throws Exception {
        MockHttpServletResponse robots = mvc.perform(get("/robots.txt")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=3600")))
                .andReturn().getResponse();
        assertThat(robots.getContentType()).startsWith("text/plain");
        assertThat(robots.getContentAsString(StandardCharsets.UTF_8).lines())
                .containsSubsequence("User-agent: *", "Allow: /public", "Disallow: /")
                .contains("Sitemap: http://localhost/sitemap.xml");
    }

    @Test
    void the_sitemap_lists_the_portals_pages_and_each_answers_a_visitor() throws Exception {
        byte[] xml = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("public")))
                .andReturn().getResponse().getContentAsByteArray();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var locations = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
                .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertThat(locations.getLength()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < locations.getLength(); i++) {
            String location = locations.item(i).getTextContent();
            assertThat(location).startsWith("http://localhost/public");
            mvc.perform(get(location.substring("http://localhost".length()))).andExpect(status().isOk());
        }
    }
}
