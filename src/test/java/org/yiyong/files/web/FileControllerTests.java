package org.yiyong.files.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileControllerTests {

    @Test
    void a_chinese_name_is_sent_in_utf8_with_an_ascii_fallback() {
        assertThat(FileController.contentDisposition("现场 照片.pdf"))
                .isEqualTo("attachment; filename=\"__ __.pdf\"; "
                        + "filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.pdf");
    }

    @Test
    void quotes_and_semicolons_in_a_name_cannot_break_the_header() {
        assertThat(FileController.contentDisposition("a\";b.pdf"))
                .isEqualTo("attachment; filename=\"a_;b.pdf\"; filename*=UTF-8''a%22%3Bb.pdf");
    }

    @Test
    void the_page_to_go_back_to_must_be_on_this_site() {
        assertThat(FileController.isLocalPath("/organizations/39?tab=files")).isTrue();
        assertThat(FileController.isLocalPath("//evil.example/x")).isFalse();
        assertThat(FileController.isLocalPath("/\\evil.example/x")).isFalse();
        assertThat(FileController.isLocalPath("https://evil.example/")).isFalse();
        assertThat(FileController.isLocalPath("/a\r\nSet-Cookie: x=1")).isFalse();
        assertThat(FileController.isLocalPath(null)).isFalse();
    }
}
