package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.yiyong.FullStackTest;

/**
 * Yiyong's styles, scripts and webjars are served to anyone (the sign-in page needs them), the editor to staff;
 * each folder under its own path. No resource handler takes every path, so that the links a page writes are not
 * looked for on the class path one by one.
 */
class StaticFilesTests extends FullStackTest {

    @Autowired
    ResourceUrlProvider resources;

    @Test
    void styles_scripts_the_editor_and_webjars_without_their_version_are_served() throws Exception {
        mvc.perform(get("/css/yiyong.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/js/cards.js")).andExpect(status().isOk());
        mvc.perform(get("/vendor/quill-2.0.3/quill.js").with(as("city-staff"))).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/none-such.css")).andExpect(status().isNotFound());
    }

    @Test
    void no_resource_handler_takes_every_path() {
        assertThat(resources.getHandlerMap().keySet()).isNotEmpty()
                .allSatisfy(pattern -> assertThat(pattern).isNotIn("/**", "/*"));
        assertThat(resources.getForLookupPath("/deeds/42")).isNull();
        assertThat(resources.getForLookupPath("/css/yiyong.css")).isEqualTo("/css/yiyong.css");
    }
}
