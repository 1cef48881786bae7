package org.yiyong.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.yiyong.FullStackTest;

/**
 * Attachments of an organization: stored with their true type and checksum, listed on its page,
 * downloadable only within the organization's data scope, every upload and download audited.
 */
class AttachmentTests extends FullStackTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R', 1, 2, 3, 4};

    private long upload(String username, long organization, String name, byte[] content) throws Exception {
        String body = mvc.perform(multipart("/api/v1/attachments")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("ownerType", "Organization").param("ownerId", String.valueOf(organization))
                        .with(as(username)).with(csrf()))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void a_photo_named_as_a_pdf_is_kept_as_the_png_it_is_with_its_sha256() throws Exception {
        long jinjiang = organizationId("JJ-ASSOC");
        long id = upload("jinjiang-staff", jinjiang, "现场照片.pdf", PNG);

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        assertThat(jdbc.sql("select content_type from attachment where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("image/png");
        assertThat(jdbc.sql("select sha256 from attachment where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(sha256);

        byte[] downloaded = mvc.perform(get("/files/{id}", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(PNG);
        assertThat(auditedActions("jinjiang-staff", "Attachment", id)).contains("FILE_UPLOADED", "FILE_DOWNLOADED");
    }

    @Test
    void a_file_outside_the_owners_data_scope_is_not_found_and_the_attempt_audited() throws Exception {
        long id = upload("jinjiang-staff", organizationId("JJ-PSB"), "立案登记表.png", PNG);

        mvc.perform(get("/files/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/attachments/{id}/content", id).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        assertThat(auditedActions("nanan-staff", "Attachment", id)).contains("ACCESS_DENIED");

        mvc.perform(get("/files/{id}", id).with(as("city-staff"))).andExpect(status().isOk());
    }

    @Test
    void nobody_attaches_files_to_an_organization_outside_their_scope() throws Exception {
        long before = jdbc.sql("select count(*) from attachment").query(Long.class).single();
        mvc.perform(multipart("/api/v1/attachments")
                        .file(new MockMultipartFile("file", "x.png", "image/png", PNG))
                        .param("ownerType", "Organization").param("ownerId", String.valueOf(organizationId("JJ-ASSOC")))
                        .with(as("nanan-staff")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_leader_reads_attachments_but_adds_none() throws Exception {
        long station = organizationId("JJ-WS-QY");
        upload("jinjiang-staff", station, "工作站台账.png", PNG);
        mvc.perform(get("/organizations/{id}", station).with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作站台账.png")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("yy-attachment-upload"))));
        mvc.perform(multipart("/api/v1/attachments")
                        .file(new MockMultipartFile("file", "x.png", "image/png", PNG))
                        .param("ownerType", "Organization").param("ownerId", String.valueOf(station))
                        .with(as("leader")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void text_pretending_to_be_a_pdf_is_refused_with_a_clear_message() throws Exception {
        long jinjiang = organizationId("JJ-ASSOC");
        mvc.perform(multipart("/api/v1/attachments")
                        .file(new MockMultipartFile("file", "报告.pdf", "application/pdf", "<html>hi</html>".getBytes()))
                        .param("ownerType", "Organization").param("ownerId", String.valueOf(jinjiang))
                        .with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"));

        mvc.perform(multipart("/files")
                        .file(new MockMultipartFile("file", "报告.pdf", "application/pdf", "<html>hi</html>".getBytes()))
                        .param("ownerType", "Organization").param("ownerId", String.valueOf(jinjiang))
                        .param("returnTo", "/organizations/" + jinjiang)
                        .with(as("jinjiang-staff")).with(csrf()))
                .andExpect(redirectedUrl("/organizations/" + jinjiang))
                .andExpect(flash().attribute("failure", "file.type.refused"));
    }

    @Test
    void the_organization_page_lists_its_attachments() throws Exception {
        long station = organizationId("JJ-WS-AH");
        upload("jinjiang-staff", station, "工作站挂牌照片.png", PNG);
        mvc.perform(get("/organizations/{id}", station).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作站挂牌照片.png")));
    }
}
