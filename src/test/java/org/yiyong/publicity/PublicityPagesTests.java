package org.yiyong.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.yiyong.FullStackTest;

/**
 * The staff's publicity pages and the demo portal: the pages answer each role, a refused article keeps what was
 * written, a picture is cleaned and shown to staff before it is public, and the demo portal shows the people
 * who consented and nobody else, its stories, news, law pages and last year's open account.
 */
class PublicityPagesTests extends FullStackTest {

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void staff_write_an_article_on_the_page_and_a_refused_form_keeps_what_was_written() throws Exception {
        assertThat(page("city-staff", "/publicity")).contains("写英雄事迹", "id=\"nav-publicity\"");
        assertThat(page("city-staff", "/publicity/articles/new?kind=STORY")).contains("quill.js", "id=\"a-body\"");
        String refused = mvc.perform(post("/publicity/articles").with(as("city-staff")).with(csrf())
                        .param("kind", "NEWS").param("title", "").param("body", "<p>没有标题的正文，写了很久。</p>"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("没有标题的正文，写了很久。", "alert-danger");

        String title = unique("安海镇防溺水巡逻");
        String location = mvc.perform(post("/publicity/articles").with(as("city-staff")).with(csrf())
                        .param("kind", "NEWS").param("title", title).param("body", "<p>巡逻队劝离野泳群众。</p>"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String author = jdbc.sql("select display_name from user_account where username = 'city-staff'")
                .query(String.class).single();
        // people by the names they are known by, never their login names
        assertThat(page("city-staff", location)).contains(title, "送审", author + " · ").doesNotContain("city-staff · ");
        assertThat(page("city-staff", location + "/edit")).contains(title, "巡逻队劝离野泳群众。");

        // a picture: decoded, drawn again without its metadata, and shown to staff before it is public
        String answer = mvc.perform(multipart("/publicity/articles/{id}/images", id)
                        .file(new MockMultipartFile("file", "现场<b>.png", "image/png", png()))
                        .with(as("city-staff")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String url = com.jayway.jsonpath.JsonPath.read(answer, "$.url");
        assertThat(url).matches("/public/images/\\d+");
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get(url).with(as("city-staff"))).andExpect(status().isOk());
        mvc.perform(multipart("/publicity/articles/{id}/images", id)
                        .file(new MockMultipartFile("file", "说明.pdf", "application/pdf", "%PDF-1.4 x".getBytes()))
                        .with(as("city-staff")).with(csrf()))
                .andExpect(status().isBadRequest());
        String stray = com.jayway.jsonpath.JsonPath.read(mvc.perform(multipart("/publicity/articles/{id}/images", id)
                        .file(new MockMultipartFile("file", "误传.png", "image/png", png()))
                        .with(as("city-staff")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.url");
        // the picture goes into the body; the stray one, never shown, stays private even once the article is live
        mvc.perform(post("/publicity/articles/{id}", id).with(as("city-staff")).with(csrf()).param("version", "0")
                        .param("kind", "NEWS").param("title", title)
                        .param("body", "<p>巡逻队劝离野泳群众。</p><p><img src=\"" + url + "\" alt=\"巡逻现场\"></p>"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/publicity/articles/{id}/submission", id).with(as("city-staff")).with(csrf())
                .param("version", "1")).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/publicity/articles/{id}/images", id)
                        .file(new MockMultipartFile("file", "送审后.png", "image/png", png()))
                        .with(as("city-staff")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(page("city-staff", location)).contains("id=\"review-by-other\"");
        assertThat(page("city-police", location)).contains("id=\"publish-article\"");
        mvc.perform(post("/publicity/articles/{id}/publication", id).with(as("city-police")).with(csrf())
                .param("version", "2")).andExpect(status().is3xxRedirection());
        mvc.perform(get(url)).andExpect(status().isOk());
        mvc.perform(get(stray)).andExpect(status().isNotFound());
    }

    @Test
    void each_role_reaches_its_publicity_pages() throws Exception {
        assertThat(page("jinjiang-staff", "/publicity/consents")).contains("登记同意公开", "蔡文龙");
        assertThat(page("leader", "/publicity")).doesNotContain("写英雄事迹");
        assertThat(page("finance-reviewer", "/publicity/accounts")).contains("善款公示");
        mvc.perform(get("/publicity").with(as("finance-reviewer"))).andExpect(status().isForbidden());
        mvc.perform(get("/publicity/consents").with(as("anhai-station"))).andExpect(status().isForbidden());
    }

    @Test
    void the_demo_portal_shows_who_consented_its_articles_and_last_years_account() throws Exception {
        String roll = mvc.perform(get("/public/honour-roll")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(roll).contains("蔡文龙", "黄清水", "已故，经家属同意公布").doesNotContain("郑丽华");
        // the lists in full (the home page shows only the latest few, which other tests' articles may push out)
        assertThat(mvc.perform(get("/public/stories")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("三下急流救起两名孩子");
        assertThat(mvc.perform(get("/public/news")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("泉州市第二十二次见义勇为模范表彰大会举行", "见义勇为宣传日活动在全市开展");
        String laws = mvc.perform(get("/public/laws")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(laws).contains("福建省见义勇为人员奖励和保护条例", "关于加强见义勇为人员权益保护的意见");
        String accounts = mvc.perform(get("/public/accounts")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(accounts).contains(String.valueOf(clock.today().getYear() - 1), "653,800.00");
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
